package com.halopsaconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.halopsaconnector.store.budget.RequestBudgetItems;
import com.halopsaconnector.store.connection.CallbackTokenLookup;
import com.halopsaconnector.store.sealing.SecretPurpose;
import com.halopsaconnector.store.sealing.SecretSealer;
import com.halopsaconnector.testsupport.TemplateSchedule;

/**
 * template.yaml's access rules follow the code: the key policy allows exactly the encryption
 * context the sealer sends, and each function's partition-key conditions admit the keys it uses.
 */
class TemplatePoliciesMatchCodeTest {

    static final JsonNode TEMPLATE = TemplateSchedule.template();

    @Test
    void keyPolicy_allowsExactlyTheSealersEncryptionContext() {
        JsonNode condition = keyPolicyStatement("ConfigFunctionSealsAndOpensTenantSecrets").path("Condition");

        assertThat(strings(condition.at("/ForAllValues:StringEquals/kms:EncryptionContextKeys")))
                .isEqualTo(Set.of(SecretSealer.TENANT_KEY, SecretSealer.PURPOSE_KEY));
        assertThat(strings(condition.at("/StringEquals/kms:EncryptionContext:" + SecretSealer.PURPOSE_KEY)))
                .isEqualTo(Arrays.stream(SecretPurpose.values()).map(SecretPurpose::contextValue).collect(Collectors.toSet()));
    }

    @Test
    void configFunction_mayUseEveryPartitionItWrites() {
        List<String> allowed = leadingKeys("ConfigFunction", "ConnectorTableItemsOfTheConfigFunction");

        for (String pk : List.of(TableKeys.tenantPk("tenant-1"), TableKeys.tokenPk("ab12"), TableKeys.SYNC_DUE_PK,
                RequestBudgetItems.pk("acme.halopsa.com"))) {
            assertThat(allowed).as(pk).anyMatch(pattern -> matches(pattern, pk));
        }
        assertThat(leadingKeys("ConfigFunction", "StaleTicketsIndexQuery"))
                .anyMatch(pattern -> matches(pattern, TableKeys.tenantPk("tenant-1")));
    }

    @Test
    void webhookFunction_readsOnlyTokenItems_andWritesOnlyTenantItems() {
        List<String> reads = leadingKeys("WebhookFunction", "CallbackTokenLookup");
        List<String> writes = leadingKeys("WebhookFunction", "DeliveryWrites");

        assertThat(reads).anyMatch(p -> matches(p, TableKeys.tokenPk("ab12")))
                .noneMatch(p -> matches(p, TableKeys.tenantPk("tenant-1")));
        assertThat(writes).anyMatch(p -> matches(p, TableKeys.tenantPk("tenant-1")))
                .noneMatch(p -> matches(p, TableKeys.tokenPk("ab12")));
    }

    private static JsonNode keyPolicyStatement(String sid) {
        return withSid(TEMPLATE.at("/Resources/SecretsKey/Properties/KeyPolicy/Statement"), sid);
    }

    private static List<String> leadingKeys(String function, String sid) {
        JsonNode statements = TEMPLATE.at("/Resources/" + function + "/Properties/Policies/0/Statement");
        return new ArrayList<>(strings(withSid(statements, sid).at("/Condition/ForAllValues:StringLike/dynamodb:LeadingKeys")));
    }

    private static JsonNode withSid(JsonNode statements, String sid) {
        for (JsonNode statement : statements) {
            if (sid.equals(statement.path("Sid").asText())) {
                return statement;
            }
        }
        throw new AssertionError("template.yaml has no statement " + sid);
    }

    private static Set<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return Set.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return Set.copyOf(values);
    }

    /** IAM StringLike: '*' is any run of characters, '?' any one character. */
    private static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }
}
