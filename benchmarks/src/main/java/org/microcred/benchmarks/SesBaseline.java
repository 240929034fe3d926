package org.microcred.benchmarks;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The baseline's one SES call for stream functions. */
final class SesBaseline {
    private static final SesV2Client SES = SesV2Client.builder()
            .httpClient(UrlConnectionHttpClient.builder().build())
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(System.getenv("MICROCRED_SES_ENDPOINT")))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();

    private SesBaseline() {
    }

    static void sendOne() {
        SES.sendEmail(r -> r.fromEmailAddress(System.getenv("MAIL_FROM"))
                .destination(d -> d.toAddresses("baseline@bench.example"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Baseline"))
                        .body(b -> b.text(t -> t.data("Baseline email."))))));
    }
}
