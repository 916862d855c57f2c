package com.halopsaconnector.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The batch lookup against a scripted DynamoDB: its chunks, its retries of unprocessed keys, its failures. */
class StoredEventLookupTest {

    static final String TABLE = "connector";

    final List<BatchGetItemRequest> requests = new ArrayList<>();

    StoredEventLookup lookup(Function<KeysAndAttributes, BatchGetItemResponse> answer) {
        StoredEventLookup lookup = new StoredEventLookup();
        lookup.table = TableName.of(TABLE);
        lookup.dynamo = new DynamoDbClient() {
            @Override
            public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
                requests.add(request);
                return answer.apply(request.requestItems().get(TABLE));
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        return lookup;
    }

    /** Answers that the items whose event key is in {@code stored} exist, leaving none unprocessed. */
    static Function<KeysAndAttributes, BatchGetItemResponse> storing(List<String> stored) {
        return asked -> found(asked.keys().stream().filter(key -> stored.contains(eventKey(key))).toList(), List.of());
    }

    static BatchGetItemResponse found(List<Map<String, AttributeValue>> items, List<Map<String, AttributeValue>> unprocessed) {
        List<Map<String, AttributeValue>> projected = items.stream().map(key -> Map.of("sk", key.get("sk"))).toList();
        BatchGetItemResponse.Builder response = BatchGetItemResponse.builder().responses(Map.of(TABLE, projected));
        return unprocessed.isEmpty() ? response.build()
                : response.unprocessedKeys(Map.of(TABLE, KeysAndAttributes.builder().keys(unprocessed).build())).build();
    }

    static String eventKey(Map<String, AttributeValue> key) {
        return key.get("sk").s().substring("EVENT#".length());
    }

    static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "e" + i).toList();
    }

    @Test
    void asksConsistentlyForEachDistinctKey_atMost100ACall_andReturnsTheStoredOnes() {
        List<String> asked = new ArrayList<>(keys(250));
        asked.add("e7");

        var stored = lookup(storing(List.of("e7", "e150", "e249"))).alreadyStored("t1", asked);

        assertThat(stored).containsExactlyInAnyOrder("e7", "e150", "e249");
        assertThat(requests).extracting(request -> request.requestItems().get(TABLE).keys().size()).containsExactly(100, 100, 50);
        KeysAndAttributes first = requests.get(0).requestItems().get(TABLE);
        assertThat(first.consistentRead()).isTrue();
        assertThat(first.keys().get(0)).containsEntry("pk", AttributeValue.fromS("TENANT#t1"))
                .containsEntry("sk", AttributeValue.fromS("EVENT#e0"));
    }

    @Test
    void unprocessedKeys_areAskedForAgain() {
        List<String> stored = List.of("e1", "e3");
        StoredEventLookup lookup = lookup(asked -> requests.size() == 1
                ? found(List.of(asked.keys().get(1)), asked.keys().subList(2, 4))
                : storing(stored).apply(asked));

        assertThat(lookup.alreadyStored("t1", keys(4))).containsExactlyInAnyOrder("e1", "e3");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).requestItems().get(TABLE).keys()).extracting(StoredEventLookupTest::eventKey)
                .containsExactly("e2", "e3");
        assertThat(requests.get(1).requestItems().get(TABLE).consistentRead()).isTrue();
    }

    @Test
    void keysStillUnprocessedAfterThreeAttempts_countAsNotStored_forTheirTransactionsToDecide() {
        StoredEventLookup lookup = lookup(asked -> found(List.of(), asked.keys()));

        assertThat(lookup.alreadyStored("t1", keys(3))).isEmpty();
        assertThat(requests).hasSize(StoredEventLookup.MAX_ATTEMPTS);
    }

    @Test
    void aFailedCall_isStorageUnavailable() {
        StoredEventLookup lookup = lookup(asked -> {
            throw AwsServiceException.builder().message("boom").statusCode(500).build();
        });

        assertThatThrownBy(() -> lookup.alreadyStored("t1", keys(2))).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void noKeys_noCall() {
        assertThat(lookup(storing(List.of())).alreadyStored("t1", List.of())).isEmpty();
        assertThat(requests).isEmpty();
    }
}
