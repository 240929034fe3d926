package org.microcred.benchmarks.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.records.core.DynamoDbClients;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Meters the DynamoDB capacity of the requests handlers make, step by step: added to the
 * functions' clients (through {@code DynamoDbClients.addInterceptor}), it asks every request
 * that can for {@code ReturnConsumedCapacity.INDEXES} and records what comes back.
 *
 * <p>Reads are taken as DynamoDB Local reports them (they follow the billing rules: 4 KB units,
 * half for eventually consistent reads, per item for BatchGet, twice for TransactGet). Writes are
 * computed from the item as it was before and after the request (read with {@code plain}, a
 * client without this meter) by {@link WriteUnits}, because DynamoDB Local's figures for
 * TransactWriteItems do not follow the documented rules (4 WCU for a single 30-byte Put, index
 * writes counted four times); DynamoDB Local's own figure is kept next to it, and for single-item
 * writes the two must agree.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<Target>> TARGETS = new ExecutionAttribute<>("capacity-targets");
    private static final Pattern PLACEHOLDER = Pattern.compile(":\\w+");
    private static final Pattern WORD = Pattern.compile("[A-Z][A-Z_]*");

    private final DynamoDbClient plain;
    private final Map<String, TableShape> shapes = new ConcurrentHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private volatile Step current;

    /** A charge for one item (or one read request): which table or index, what kind of item, how many units. */
    public record Charge(String table, String index, String kind, double units) {
    }

    /** One request a handler made: its operation and its charges; {@code localWcu} is DynamoDB Local's figure. */
    public record Call(String operation, List<Charge> reads, List<Charge> writes, double localWcu, String failure) {
        public double rcu() {
            return reads.stream().mapToDouble(Charge::units).sum();
        }

        public double wcu() {
            return writes.stream().mapToDouble(Charge::units).sum();
        }

        boolean single() {
            return operation.equals("PutItem") || operation.equals("UpdateItem") || operation.equals("DeleteItem");
        }
    }

    /** A journey step: what the learner, coach or stream did, the function that did it, its calls. */
    public static final class Step {
        private final String name;
        private final String function;
        private final List<Call> calls = new ArrayList<>();

        Step(String name, String function) {
            this.name = name;
            this.function = function;
        }

        public String name() {
            return name;
        }

        public String function() {
            return function;
        }

        public synchronized List<Call> calls() {
            return List.copyOf(calls);
        }

        synchronized void add(Call call) {
            calls.add(call);
        }

        public double rcu() {
            return calls().stream().mapToDouble(Call::rcu).sum();
        }

        public double wcu() {
            return calls().stream().mapToDouble(Call::wcu).sum();
        }
    }

    /** An item a write request touches, and how it looked before. */
    private record Target(String table, Map<String, AttributeValue> key, boolean check, Map<String, AttributeValue> before) {
    }

    /** @param plain a client without this meter, for table descriptions and item images */
    public CapacityMeter(DynamoDbClient plain) {
        this.plain = plain;
    }

    /** Runs {@code work} as one step; every request made meanwhile, on any thread, is charged to it. */
    public <T> T step(String name, String function, java.util.function.Supplier<T> work) {
        Step step = new Step(name, function);
        current = step;
        try {
            return work.get();
        } finally {
            current = null;
            synchronized (steps) {
                steps.add(step);
            }
        }
    }

    /** The step running now (null between steps). */
    Step currentStep() {
        return current;
    }

    /** Leaves a step out of the results (a stream consumer that had nothing to do). */
    void forget(Step step) {
        synchronized (steps) {
            steps.remove(step);
        }
    }

    public List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    /**
     * Single-item writes whose computed units differ from DynamoDB Local's: empty when the rules
     * {@link WriteUnits} applies are the ones DynamoDB Local applies too.
     */
    public List<String> disagreements() {
        List<String> found = new ArrayList<>();
        for (Step step : steps()) {
            for (Call call : step.calls()) {
                if (call.single() && call.failure() == null && Math.abs(call.wcu() - call.localWcu()) > 1e-9) {
                    found.add(step.name() + ": " + call.operation() + " computed " + call.wcu() + ", DynamoDB Local "
                            + call.localWcu());
                }
            }
        }
        return found;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (current == null) {
            return context.request();
        }
        SdkRequest request = context.request();
        SdkRequest metered = withCapacity(request, ReturnConsumedCapacity.INDEXES);
        List<Target> targets = targets(metered);
        if (!targets.isEmpty()) {
            attributes.putAttribute(TARGETS, targets);
        }
        return metered;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Step step = current;
        if (step == null) {
            return;
        }
        SdkResponse response = context.response();
        String operation = operation(context.request());
        List<Charge> reads = reads(context.request(), response);
        List<Charge> writes = new ArrayList<>();
        boolean transactional = response instanceof TransactWriteItemsResponse;
        for (Target target : attributes.getAttribute(TARGETS) == null ? List.<Target>of()
                : attributes.getAttribute(TARGETS)) {
            TableShape shape = shape(target.table());
            WriteUnits units = target.check() ? WriteUnits.conditionCheck(target.before())
                    : WriteUnits.of(shape, target.before(), image(target.table(), target.key()), transactional);
            String kind = kind(target.key(), shape);
            writes.add(new Charge(target.table(), null, kind, units.table()));
            units.indexes().forEach((index, value) -> writes.add(new Charge(target.table(), index, kind, value)));
        }
        step.add(new Call(operation, reads, writes, localWcu(response), null));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Step step = current;
        if (step != null) {
            step.add(new Call(operation(context.request()), List.of(), List.of(), 0,
                    context.exception().getClass().getSimpleName()));
        }
    }

    /** The request asking for its consumed capacity, if it is one that can. */
    private static SdkRequest withCapacity(SdkRequest request, ReturnConsumedCapacity level) {
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(level).build();
        }
        return request;
    }

    private List<Target> targets(SdkRequest request) {
        List<Target> targets = new ArrayList<>();
        if (request instanceof PutItemRequest r) {
            targets.add(target(r.tableName(), shape(r.tableName()).keyOf(r.item()), false));
        } else if (request instanceof UpdateItemRequest r) {
            targets.add(target(r.tableName(), r.key(), false));
        } else if (request instanceof DeleteItemRequest r) {
            targets.add(target(r.tableName(), r.key(), false));
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().forEach((table, writes) -> writes.forEach(write -> targets.add(target(table,
                    write.putRequest() != null ? shape(table).keyOf(write.putRequest().item())
                            : write.deleteRequest().key(), false))));
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null) {
                    targets.add(target(item.put().tableName(), shape(item.put().tableName()).keyOf(item.put().item()),
                            false));
                } else if (item.update() != null) {
                    targets.add(target(item.update().tableName(), item.update().key(), false));
                } else if (item.delete() != null) {
                    targets.add(target(item.delete().tableName(), item.delete().key(), false));
                } else {
                    targets.add(target(item.conditionCheck().tableName(), item.conditionCheck().key(), true));
                }
            }
        }
        return targets;
    }

    private Target target(String table, Map<String, AttributeValue> key, boolean check) {
        return new Target(table, Map.copyOf(key), check, image(table, key));
    }

    private Map<String, AttributeValue> image(String table, Map<String, AttributeValue> key) {
        var item = plain.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : new HashMap<>(item);
    }

    private TableShape shape(String table) {
        return shapes.computeIfAbsent(table, name -> TableShape.describe(plain, name));
    }

    private List<Charge> reads(SdkRequest request, SdkResponse response) {
        List<Charge> reads = new ArrayList<>();
        if (response instanceof GetItemResponse r) {
            GetItemRequest get = (GetItemRequest) request;
            add(reads, r.consumedCapacity(), kind(get.key(), shape(get.tableName())));
        } else if (response instanceof QueryResponse r) {
            QueryRequest query = (QueryRequest) request;
            add(reads, atLeastOneRead(r.consumedCapacity(), query.indexName(),
                    Boolean.TRUE.equals(query.consistentRead())), queried(query));
        } else if (response instanceof ScanResponse r) {
            add(reads, r.consumedCapacity(), "Scan");
        } else if (response instanceof BatchGetItemResponse r) {
            r.consumedCapacity().forEach(c -> add(reads, c, "BatchGetItem"));
        } else if (response instanceof TransactGetItemsResponse r) {
            r.consumedCapacity().forEach(c -> add(reads, c, "TransactGetItems"));
        }
        return reads;
    }

    /**
     * DynamoDB Local reports 0 for a Query that finds nothing; DynamoDB bills every read request
     * at least one 4 KB unit (half of it eventually consistent), so that is what is charged.
     */
    private static ConsumedCapacity atLeastOneRead(ConsumedCapacity consumed, String index, boolean consistent) {
        if (consumed == null || consumed.capacityUnits() == null || consumed.capacityUnits() > 0) {
            return consumed;
        }
        double minimum = consistent ? 1.0 : 0.5;
        var capacity = software.amazon.awssdk.services.dynamodb.model.Capacity.builder().capacityUnits(minimum).build();
        var builder = consumed.toBuilder().capacityUnits(minimum);
        return index == null ? builder.table(capacity).build()
                : builder.table((software.amazon.awssdk.services.dynamodb.model.Capacity) null)
                        .globalSecondaryIndexes(Map.of(index, capacity)).build();
    }

    private static void add(List<Charge> reads, ConsumedCapacity consumed, String kind) {
        if (consumed == null) {
            throw new IllegalStateException("DynamoDB Local returned no ConsumedCapacity for a read of " + kind);
        }
        if (consumed.hasGlobalSecondaryIndexes()) {
            consumed.globalSecondaryIndexes().forEach((index, capacity) ->
                    reads.add(new Charge(consumed.tableName(), index, kind, capacity.capacityUnits())));
        }
        double table = consumed.table() != null ? consumed.table().capacityUnits() : consumed.hasGlobalSecondaryIndexes()
                ? 0 : consumed.capacityUnits();
        if (table > 0) {
            reads.add(new Charge(consumed.tableName(), null, kind, table));
        }
    }

    private static double localWcu(SdkResponse response) {
        if (response instanceof PutItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            return r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
        } else if (response instanceof TransactWriteItemsResponse r) {
            return r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
        }
        return 0;
    }

    private static double units(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }

    /** The partition a Query reads, as an item kind: the values its key condition names. */
    private static String queried(QueryRequest query) {
        List<String> parts = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(query.keyConditionExpression());
        while (placeholders.find()) {
            AttributeValue value = query.expressionAttributeValues().get(placeholders.group());
            if (value != null && value.s() != null) {
                parts.add(pattern(value.s()));
            }
        }
        return "Query " + String.join(" ", parts);
    }

    /** An item's key with the ids left out: {@code ENR#… / ATTEMPT#…#ARTIFACT#…}. */
    static String kind(Map<String, AttributeValue> key, TableShape shape) {
        List<String> parts = new ArrayList<>();
        for (String attribute : shape.keyAttributes()) {
            AttributeValue value = key.get(attribute);
            parts.add(value == null || value.s() == null ? "…" : pattern(value.s()));
        }
        return String.join(" / ", parts);
    }

    static String pattern(String value) {
        StringBuilder pattern = new StringBuilder();
        String previous = null;
        for (String part : value.split("#", -1)) {
            String shown = WORD.matcher(part).matches() ? part : "…";
            if (!(shown.equals("…") && "…".equals(previous))) {
                pattern.append(pattern.isEmpty() ? "" : "#").append(shown);
            }
            previous = shown;
        }
        return pattern.toString();
    }

    private static String operation(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }
}
