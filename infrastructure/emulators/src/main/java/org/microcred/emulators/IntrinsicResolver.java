package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns template values into the strings a function sees locally. Only what microcred's
 * template uses is understood ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt} on tables and
 * buckets); anything else becomes a visible {@code <unresolved ...>} marker instead of a guess,
 * so a function reading it fails loudly rather than talking to the wrong thing.
 */
final class IntrinsicResolver {
    static final String REGION = "us-east-1";
    static final String ACCOUNT_ID = "000000000000";
    static final String STACK_NAME = "microcred-local";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", REGION,
            "AWS::AccountId", ACCOUNT_ID,
            "AWS::StackName", STACK_NAME,
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com");

    private final Map<String, String> parameterValues;
    private final Map<String, String> resourceTypes;
    private final Map<String, String> physicalNames;

    IntrinsicResolver(Map<String, String> parameterValues, Map<String, String> resourceTypes,
                      Map<String, String> physicalNames) {
        this.parameterValues = Map.copyOf(parameterValues);
        this.resourceTypes = Map.copyOf(resourceTypes);
        this.physicalNames = Map.copyOf(physicalNames);
    }

    String resolve(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            String function = value.fieldNames().next();
            JsonNode argument = value.get(function);
            switch (function) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::GetAtt":
                    return argument.isArray()
                            ? getAtt(argument.path(0).asText(), argument.path(1).asText())
                            : getAtt(argument.asText().split("\\.", 2));
                default:
                    return unresolved(function);
            }
        }
        return unresolved(value.isArray() ? "list value" : "object value");
    }

    private String ref(String name) {
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return PSEUDO_PARAMETERS.get(name);
        }
        if (parameterValues.containsKey(name)) {
            return parameterValues.get(name);
        }
        if (physicalNames.containsKey(name)) {
            return physicalNames.get(name);
        }
        return unresolved("Ref " + name);
    }

    private String getAtt(String... resourceAndAttribute) {
        if (resourceAndAttribute.length != 2) {
            return unresolved("Fn::GetAtt " + String.join(".", resourceAndAttribute));
        }
        String resource = resourceAndAttribute[0];
        String attribute = resourceAndAttribute[1];
        String physical = physicalNames.get(resource);
        String type = resourceTypes.getOrDefault(resource, "");
        if (physical != null && "Arn".equals(attribute) && type.equals("AWS::DynamoDB::Table")) {
            return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + physical;
        }
        if (physical != null && "Arn".equals(attribute) && type.equals("AWS::S3::Bucket")) {
            return "arn:aws:s3:::" + physical;
        }
        return unresolved("Fn::GetAtt " + resource + "." + attribute);
    }

    private String sub(JsonNode argument) {
        String template;
        Map<String, String> variables = new HashMap<>();
        if (argument.isArray()) {
            template = argument.path(0).asText();
            argument.path(1).fields().forEachRemaining(entry -> variables.put(entry.getKey(), resolve(entry.getValue())));
        } else {
            template = argument.asText();
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = variables.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                replacement = getAtt(name.split("\\.", 2));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String unresolved(String what) {
        return "<unresolved locally: " + what + ">";
    }
}
