package com.halopsaconnector.store.budget;

import java.util.Map;

import com.halopsaconnector.store.TableKeys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of a Halo instance's request budget: under pk {@code HALO#<instance>}, one counter
 * item per minute, sk {@code RATE#<epoch minute, 12 digits>} holding {@code count}, and one pause
 * item, sk {@code RATE#BLOCKED} holding {@code until} (epoch milliseconds, a number, so conditions
 * compare it as a time). "B" sorts after every digit and "~" after "B", so one key range from an
 * old minute up to {@code RATE#~} holds the minutes since then and the pause item.
 */
public final class RequestBudgetItems {

    static final String COUNT = "count";
    static final String UNTIL = "until";
    static final String PAUSE_SK = "RATE#BLOCKED";
    static final String END_OF_RANGE_SK = "RATE#~";
    private static final String MINUTE_PREFIX = "RATE#";

    private RequestBudgetItems() {
    }

    public static String pk(String instance) {
        return "HALO#" + instance;
    }

    static String minuteSk(long epochMinute) {
        return MINUTE_PREFIX + String.format("%012d", epochMinute);
    }

    static long epochMinuteOf(String minuteSk) {
        return Long.parseLong(minuteSk.substring(MINUTE_PREFIX.length()));
    }

    static Map<String, AttributeValue> minuteKey(String instance, long epochMinute) {
        return TableKeys.key(pk(instance), minuteSk(epochMinute));
    }

    static Map<String, AttributeValue> pauseKey(String instance) {
        return TableKeys.key(pk(instance), PAUSE_SK);
    }
}
