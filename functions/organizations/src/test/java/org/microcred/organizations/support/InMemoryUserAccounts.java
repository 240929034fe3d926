package org.microcred.organizations.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.AccountRefusedException;
import org.microcred.organizations.accounts.NewAccount;
import org.microcred.organizations.accounts.UserAccounts;

/**
 * Our {@link UserAccounts} kept in memory, for tests about rosters rather than the user pool
 * (CognitoUserAccounts is tested against moto). Like the user pool it makes one account per
 * address, and it refuses addresses at {@value #REFUSED_DOMAIN}.
 */
public final class InMemoryUserAccounts implements UserAccounts {
    public static final String REFUSED_DOMAIN = "refused.example";

    private final Map<String, Account> byEmail = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final List<String> signedOut = new ArrayList<>();

    @Override
    public Account provision(NewAccount account) {
        String email = account.email().toLowerCase(Locale.ROOT);
        if (email.endsWith("@" + REFUSED_DOMAIN)) {
            throw new AccountRefusedException("email", "is not accepted by the user pool");
        }
        Account existing = byEmail.get(email);
        if (existing != null) {
            return new Account(existing.userId(), existing.username(), email, false);
        }
        Account made = byEmail.computeIfAbsent(email, key -> {
            created.incrementAndGet();
            String sub = UUID.randomUUID().toString();
            return new Account(sub, sub, key, true);
        });
        return made;
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    @Override
    public synchronized void signOutEverywhere(Account account) {
        signedOut.add(account.email());
    }

    /** How many accounts were made (provisioning an existing address makes none). */
    public int created() {
        return created.get();
    }

    public synchronized List<String> signedOut() {
        return List.copyOf(signedOut);
    }
}
