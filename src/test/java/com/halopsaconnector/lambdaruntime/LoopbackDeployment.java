package com.halopsaconnector.lambdaruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.halopsaconnector.store.local.LocalStoreSetup;
import com.halopsaconnector.testsupport.JwtKeys;
import com.halopsaconnector.testsupport.MotoProcess;
import com.halopsaconnector.testsupport.TestTokens;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What SAM's stack gives the functions, on loopback: a table and KMS key in a moto server of its
 * own, the platform's JWT key, and each function's
 * environment as the template sets it, plus the endpoints and credentials of the local store.
 */
public final class LoopbackDeployment implements AutoCloseable {

    private final MotoProcess moto;
    private final String table;
    private final String keyAlias;

    private LoopbackDeployment(MotoProcess moto, String table, String keyAlias) {
        this.moto = moto;
        this.table = table;
        this.keyAlias = keyAlias;
    }

    /**
     * On a moto server of its own (started here, stopped by {@link #close}), so that the packaged functions
     * never meet a store that other tests have filled, and {@link #resetStoreKeepingConnections} wipes
     * nothing of anyone else's.
     */
    public static LoopbackDeployment createOnOwnStore() {
        MotoProcess moto = MotoProcess.start();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LoopbackDeployment deployment = new LoopbackDeployment(moto, "connector-" + suffix, "alias/connector-" + suffix);
        deployment.createTableAndKey();
        return deployment;
    }

    private void createTableAndKey() {
        try (DynamoDbClient dynamo = dynamoClient();
                KmsClient kms = KmsClient.builder().endpointOverride(URI.create(moto.endpoint()))
                        .region(Region.US_EAST_1).credentialsProvider(credentials())
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            LocalStoreSetup.createTableIfMissing(dynamo, table);
            LocalStoreSetup.createKeyAliasIfMissing(kms, keyAlias);
        }
    }

    /**
     * Empties moto's server ({@code /moto-api/reset}) and puts back the table with its items other than
     * events and tickets: the connections and callback tokens. moto keeps growing with every transaction
     * (18 GB after some 9,000 deliveries here, when it stopped answering), so long runs reset it now and
     * then.
     */
    public void resetStoreKeepingConnections() {
        List<Map<String, AttributeValue>> kept;
        try (DynamoDbClient dynamo = dynamoClient()) {
            kept = dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
                    .filter(item -> !item.get("sk").s().startsWith("EVENT#") && !item.get("sk").s().startsWith("TICKET#"))
                    .toList();
        }
        try {
            HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint() + "/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (reset.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + reset.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        createTableAndKey();
        try (DynamoDbClient dynamo = dynamoClient()) {
            kept.forEach(item -> dynamo.putItem(r -> r.tableName(table).item(item)));
        }
    }

    /** The environment of the function with {@code role} (config, webhook, all), talking to {@code dynamoEndpoint}. */
    public Map<String, String> environment(String role, String dynamoEndpoint) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CONNECTOR_FUNCTION", role);
        environment.put("CONNECTOR_TABLE_NAME", table);
        environment.put("DISABLE_SIGNAL_HANDLERS", "true");
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoEndpoint);
        environment.put("AWS_ACCESS_KEY_ID", "loopback");
        environment.put("AWS_SECRET_ACCESS_KEY", "loopback");
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + JwtKeys.ensurePublicKeyFile().toAbsolutePath());
        environment.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        environment.put("MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE);
        if (!role.equals("webhook")) {
            // As in the template, only the config function knows the key. The stand-in Halo is plain
            // http on loopback, which the prod profile refuses unless told otherwise.
            environment.put("CONNECTOR_KMS_KEY_ID", keyAlias);
            environment.put("QUARKUS_KMS_ENDPOINT_OVERRIDE", moto.endpoint());
            environment.put("_PROD_CONNECTOR_HALO_ALLOW_INSECURE_URLS", "true");
        }
        return environment;
    }

    public Map<String, String> environment(String role) {
        return environment(role, moto.endpoint());
    }

    public String motoEndpoint() {
        return moto.endpoint();
    }

    public String table() {
        return table;
    }

    /** A DynamoDB client of the local store, for the harness's own reads and clean-ups. */
    public DynamoDbClient dynamoClient() {
        return DynamoDbClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("loopback", "loopback"));
    }

    @Override
    public void close() {
        moto.stop();
    }
}
