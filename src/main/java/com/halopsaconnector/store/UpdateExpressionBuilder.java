package com.halopsaconnector.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds an UpdateItem expression with placeholders for every name and value, so attribute names
 * never collide with DynamoDB's reserved words.
 */
public final class UpdateExpressionBuilder {

    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private String condition;

    public UpdateExpressionBuilder set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(attribute, value));
        return this;
    }

    public UpdateExpressionBuilder setIfAbsent(String attribute, AttributeValue value) {
        String name = name(attribute);
        sets.add(name + " = if_not_exists(" + name + ", " + value(attribute, value) + ")");
        return this;
    }

    public UpdateExpressionBuilder add(String attribute, AttributeValue value) {
        adds.add(name(attribute) + " " + value(attribute, value));
        return this;
    }

    public UpdateExpressionBuilder remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** A value placeholder for use in a condition expression. */
    public String conditionValue(String label, AttributeValue value) {
        return value("cond_" + label, value);
    }

    /** A name placeholder for use in a condition expression. */
    public String conditionName(String attribute) {
        return name(attribute);
    }

    /** Keeps a condition built from this builder's placeholders, for {@link #toUpdate(String, Map)}. */
    public UpdateExpressionBuilder condition(String expression) {
        this.condition = expression;
        return this;
    }

    public Update toUpdate(String table, Map<String, AttributeValue> key) {
        return toUpdate(table, key, condition);
    }

    public UpdateItemRequest toUpdateItem(String table, Map<String, AttributeValue> key) {
        return toUpdateItem(table, key, condition);
    }

    /**
     * The finished update. Taking the condition as an argument means every placeholder it uses is
     * already registered when the builder's names and values are copied into the request.
     */
    public Update toUpdate(String table, Map<String, AttributeValue> key, String condition) {
        return Update.builder().tableName(table).key(key)
                .updateExpression(expression())
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** The same update as a stand-alone UpdateItem request, for writes outside a transaction. */
    public UpdateItemRequest toUpdateItem(String table, Map<String, AttributeValue> key, String condition) {
        return UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(expression())
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    public String expression() {
        StringBuilder expression = new StringBuilder();
        appendClause(expression, "SET", sets, ", ");
        appendClause(expression, "ADD", adds, ", ");
        appendClause(expression, "REMOVE", removes, ", ");
        return expression.toString().trim();
    }

    private String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String value(String label, AttributeValue value) {
        String placeholder = ":" + label;
        values.put(placeholder, value);
        return placeholder;
    }

    private static void appendClause(StringBuilder expression, String keyword, List<String> parts, String separator) {
        if (!parts.isEmpty()) {
            expression.append(keyword).append(' ').append(String.join(separator, parts)).append(' ');
        }
    }
}
