package com.halopsaconnector.lambdaruntime;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.halopsaconnector.store.LocalStoreSetup;
import com.halopsaconnector.testsupport.JwtKeys;
import com.halopsaconnector.testsupport.MotoProcess;
import com.halopsaconnector.testsupport.TestTokens;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What SAM's stack gives the functions, on loopback: a fresh table and KMS key in moto's server
 * ({@code MOTO_ENDPOINT}, or one started here), the platform's JWT key, and each function's
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

    public static LoopbackDeployment create() {
        MotoProcess moto = MotoProcess.startOrReuse();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LoopbackDeployment deployment = new LoopbackDeployment(moto, "connector-" + suffix, "alias/connector-" + suffix);
        try (DynamoDbClient dynamo = deployment.dynamoClient();
                KmsClient kms = KmsClient.builder().endpointOverride(URI.create(moto.endpoint()))
                        .region(Region.US_EAST_1).credentialsProvider(deployment.credentials())
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            LocalStoreSetup.createTableIfMissing(dynamo, deployment.table);
            LocalStoreSetup.createKeyAliasIfMissing(kms, deployment.keyAlias);
        }
        return deployment;
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
