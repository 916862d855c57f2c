#!/usr/bin/env python3
"""Transform template.yaml with the AWS SAM translator (offline) and check the security
invariants of the generated IAM roles, the webhook's flood protection (reserved concurrency,
route throttle), the sync schedule, the routes and the table.

Usage: python3 infra/ci/sam_transform_check.py [path/to/template.yaml]

Exits 0 when the template transforms and every check passes, 1 otherwise. Prints every
failed check and a summary line (every check with VERBOSE=1). Needs the aws-sam-translator
and PyYAML packages; makes no network call.
"""

import json
import os
import sys

# The translator reads the region from the environment (pseudo parameters); any region
# does for an offline transform.
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import yaml  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402

TABLE = "ConnectorTable"
KEY = "SecretsKey"
TABLE_ARN = {"Fn::GetAtt": [TABLE, "Arn"]}
STALE_INDEX = "stale-tickets"
STALE_INDEX_ARN = {"Fn::Sub": "${%s.Arn}/index/%s" % (TABLE, STALE_INDEX)}
SCHEDULED_SYNC_PATH = "/internal/scheduled-sync"
WEBHOOK_ROUTE = "ANY /v1/webhooks/halo/{callbackToken}"
WEBHOOK_CONCURRENCY = "WebhookReservedConcurrency"
WEBHOOK_CONCURRENCY_CONDITION = "HasWebhookReservedConcurrency"

EXPECTED_DYNAMODB = {
    "ConfigFunctionRole": {
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:Query",
        "dynamodb:ConditionCheckItem",
    },
    "WebhookFunctionRole": {
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:ConditionCheckItem",
    },
}
# DynamoDB actions a role may use on the stale-tickets index (no other index exists).
EXPECTED_INDEX_DYNAMODB = {
    "ConfigFunctionRole": {"dynamodb:Query"},
    "WebhookFunctionRole": set(),
}
EXPECTED_CONFIG_KMS = {"kms:GenerateDataKey", "kms:Decrypt"}
BASIC_EXECUTION_POLICY = "service-role/AWSLambdaBasicExecutionRole"

# Values for parameters without a default; only used to let the transform run.
PLACEHOLDER_PARAMETERS = {
    "JwtIssuer": "https://idp.example.invalid/",
    "JwtAudience": "halopsa-connector",
    "JwtPublicKeyLocation": "https://idp.example.invalid/jwks.json",
}


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that turns CloudFormation short-form tags (!Ref, !Sub, ...) into long form."""


def _intrinsic(loader, tag_suffix, node):
    name = "Ref" if tag_suffix == "Ref" else "Fn::" + tag_suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if tag_suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


class _NoManagedPolicyLookup:
    """The template names no managed policy by name, so nothing has to be fetched from IAM."""

    def load(self):
        return {}


def _as_list(value):
    return value if isinstance(value, list) else [value]


def _allow_statements(role):
    for policy in role["Properties"].get("Policies", []):
        for statement in _as_list(policy["PolicyDocument"].get("Statement", [])):
            yield policy.get("PolicyName", "?"), statement


def main(argv):
    path = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "template.yaml")
    failures = []
    passed = []
    verbose = os.environ.get("VERBOSE") == "1"

    def check(ok, message):
        if verbose or not ok:
            print(("ok    " if ok else "FAIL  ") + message)
        (passed if ok else failures).append(message)

    with open(path, encoding="utf-8") as handle:
        sam = yaml.load(handle, Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass

    # `sam package`/`sam deploy` replace a local CodeUri with the uploaded S3 object;
    # do the same with a placeholder so the translator accepts the template.
    for logical_id, resource in sam.get("Resources", {}).items():
        props = resource.get("Properties") or {}
        code_uri = props.get("CodeUri")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(code_uri, str) \
                and not code_uri.startswith("s3://"):
            props["CodeUri"] = "s3://placeholder-bucket/%s.zip" % logical_id

    try:
        cfn = transform(sam, dict(PLACEHOLDER_PARAMETERS), _NoManagedPolicyLookup())
    except Exception as error:  # the translator raises several exception types
        details = getattr(error, "causes", None) or []
        print("FAIL  SAM transform: %s" % error)
        for cause in details:
            print("        - %s" % getattr(cause, "message", cause))
        return 1
    resources = cfn["Resources"]
    print("ok    SAM transform succeeded (%d CloudFormation resources)" % len(resources))

    by_type = {}
    for logical_id, resource in resources.items():
        by_type.setdefault(resource["Type"], []).append(logical_id)
    check(sorted(by_type.get("AWS::Lambda::Function", [])) == ["ConfigFunction", "WebhookFunction"],
          "exactly two Lambda functions: ConfigFunction, WebhookFunction")
    check(len(by_type.get("AWS::ApiGatewayV2::Api", [])) == 1, "exactly one HTTP API")

    # Functions: runtime, handler, env
    for name, role_value in (("ConfigFunction", "config"), ("WebhookFunction", "webhook")):
        props = resources[name]["Properties"]
        env = props.get("Environment", {}).get("Variables", {})
        check(props.get("Runtime") == "provided.al2023", "%s runs on provided.al2023" % name)
        check(env.get("CONNECTOR_FUNCTION") == role_value, "%s has CONNECTOR_FUNCTION=%s" % (name, role_value))
        check(env.get("CONNECTOR_TABLE_NAME") == {"Ref": TABLE}, "%s has CONNECTOR_TABLE_NAME=Ref %s" % (name, TABLE))
        check(env.get("DISABLE_SIGNAL_HANDLERS") == "true", "%s has DISABLE_SIGNAL_HANDLERS=true" % name)
        leaked = [k for k in env if k.startswith("CONNECTOR_KMS") or k.startswith("MP_JWT")]
        if name == "WebhookFunction":
            check(not leaked, "WebhookFunction gets no KMS key id and no JWT settings (%s)" % (leaked or "none"))
    config_env = resources["ConfigFunction"]["Properties"]["Environment"]["Variables"]
    for variable in ("CONNECTOR_KMS_KEY_ID", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES",
                     "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "CONNECTOR_PUBLIC_BASE_URL"):
        check(variable in config_env, "ConfigFunction has %s" % variable)
    check(config_env.get("CONNECTOR_SYNC_INCREMENTAL_INTERVAL") == {"Fn::Sub": "${IncrementalSyncMinutes}M"},
          "ConfigFunction has CONNECTOR_SYNC_INCREMENTAL_INTERVAL=${IncrementalSyncMinutes}M")
    webhook_env = resources["WebhookFunction"]["Properties"].get("Environment", {}).get("Variables", {})
    check("CONNECTOR_SYNC_INCREMENTAL_INTERVAL" not in webhook_env,
          "WebhookFunction gets no sync settings")

    # Routes
    routes = sorted(r["Properties"]["RouteKey"] for r in resources.values()
                    if r["Type"] == "AWS::ApiGatewayV2::Route")
    expected_routes = sorted([
        "PUT /v1/integrations/halo", "GET /v1/integrations/halo", "DELETE /v1/integrations/halo",
        "POST /v1/integrations/halo/test", "POST /v1/integrations/halo/rotate-webhook-url",
        "POST /v1/integrations/halo/sync", WEBHOOK_ROUTE,
    ])
    if not routes:
        # SAM puts HTTP API routes into an inline OpenAPI body rather than Route resources.
        api = resources[by_type["AWS::ApiGatewayV2::Api"][0]]["Properties"]
        for path, methods in api.get("Body", {}).get("paths", {}).items():
            for method, operation in methods.items():
                verb = "ANY" if method == "x-amazon-apigateway-any-method" else method.upper()
                routes.append("%s %s" % (verb, path))
                integration = operation.get("x-amazon-apigateway-integration", {})
                check(integration.get("payloadFormatVersion") == "2.0",
                      "route %s %s uses payload format 2.0" % (verb, path))
        routes.sort()
    check(routes == expected_routes, "HTTP API routes are exactly the spec's: %s" % routes)
    internal = [r for r in routes if r.split(" ", 1)[-1].startswith("/internal")]
    check(not internal, "no HTTP API route under /internal (%s)" % (internal or "none"))

    # Flood protection: a flood on the public callback URLs can neither take all of the account's
    # Lambda concurrency nor the API's request rate from the config routes.
    parameters = sam.get("Parameters", {})
    check(parameters.get(WEBHOOK_CONCURRENCY, {}).get("Default") == 20,
          "parameter %s defaults to 20" % WEBHOOK_CONCURRENCY)
    check(cfn.get("Conditions", {}).get(WEBHOOK_CONCURRENCY_CONDITION)
          == {"Fn::Not": [{"Fn::Equals": [{"Ref": WEBHOOK_CONCURRENCY}, "0"]}]},
          "condition %s is %s != 0" % (WEBHOOK_CONCURRENCY_CONDITION, WEBHOOK_CONCURRENCY))
    check(resources["WebhookFunction"]["Properties"].get("ReservedConcurrentExecutions")
          == {"Fn::If": [WEBHOOK_CONCURRENCY_CONDITION, {"Ref": WEBHOOK_CONCURRENCY}, {"Ref": "AWS::NoValue"}]},
          "WebhookFunction reserves (and is capped at) %s concurrent executions" % WEBHOOK_CONCURRENCY)
    check("ReservedConcurrentExecutions" not in resources["ConfigFunction"]["Properties"],
          "ConfigFunction is not capped by a reservation")
    stages = by_type.get("AWS::ApiGatewayV2::Stage", [])
    check(len(stages) == 1, "exactly one HTTP API stage (%s)" % stages)
    stage = resources[stages[0]]["Properties"] if stages else {}
    route_settings = stage.get("RouteSettings", {})
    check(sorted(route_settings) == [WEBHOOK_ROUTE],
          "only the webhook route has its own route settings (%s)" % sorted(route_settings))
    webhook_throttle = route_settings.get(WEBHOOK_ROUTE, {})
    check(webhook_throttle.get("ThrottlingRateLimit") == {"Ref": "WebhookThrottlingRateLimit"}
          and webhook_throttle.get("ThrottlingBurstLimit") == {"Ref": "WebhookThrottlingBurstLimit"},
          "webhook route throttled by WebhookThrottlingRateLimit / WebhookThrottlingBurstLimit (%s)" % webhook_throttle)
    default_throttle = stage.get("DefaultRouteSettings", {})
    check(all(isinstance(default_throttle.get(limit), int) and default_throttle.get(limit) > 0
              for limit in ("ThrottlingRateLimit", "ThrottlingBurstLimit")),
          "the config routes are throttled by the stage's default route settings (%s)" % default_throttle)

    # Schedule: an EventBridge rule (from the SyncSchedule event) that invokes the config
    # function with an HTTP API payload-2.0 event for the internal scheduled-sync path.
    rules = by_type.get("AWS::Events::Rule", [])
    config_targets, other_targets = [], []
    for rule_id in rules:
        for target in resources[rule_id]["Properties"].get("Targets", []):
            if target.get("Arn") == {"Fn::GetAtt": ["ConfigFunction", "Arn"]}:
                config_targets.append((rule_id, target))
            else:
                other_targets.append((rule_id, target.get("Arn")))
    check(len(config_targets) == 1,
          "exactly one EventBridge rule targets ConfigFunction (%s)" % [r for r, _ in config_targets])
    check(not other_targets, "no EventBridge rule targets anything else (%s)" % (other_targets or "none"))
    for rule_id, target in config_targets:
        rule = resources[rule_id]["Properties"]
        check(rule.get("ScheduleExpression") == {"Fn::Sub": "rate(${SyncScheduleMinutes} minutes)"},
              "%s runs at rate(${SyncScheduleMinutes} minutes)" % rule_id)
        check(rule.get("State", "ENABLED") == "ENABLED", "%s is enabled" % rule_id)
        raw_input = target.get("Input")
        try:
            event = json.loads(raw_input) if isinstance(raw_input, str) else None
        except ValueError:
            event = None
        check(isinstance(event, dict), "%s target Input is a literal JSON object string" % rule_id)
        event = event if isinstance(event, dict) else {}
        http = event.get("requestContext", {}).get("http", {})
        check(event.get("version") == "2.0", "%s Input is a payload-2.0 event" % rule_id)
        check(event.get("rawPath") == SCHEDULED_SYNC_PATH and http.get("path") == SCHEDULED_SYNC_PATH,
              "%s Input goes to %s" % (rule_id, SCHEDULED_SYNC_PATH))
        check(http.get("method") == "POST", "%s Input method is POST" % rule_id)
        permitted = [p for p in by_type.get("AWS::Lambda::Permission", [])
                     if resources[p]["Properties"].get("Principal") == "events.amazonaws.com"
                     and resources[p]["Properties"].get("FunctionName") == {"Ref": "ConfigFunction"}
                     and resources[p]["Properties"].get("SourceArn") == {"Fn::GetAtt": [rule_id, "Arn"]}]
        check(len(permitted) == 1, "%s may invoke ConfigFunction (Lambda permission for this rule only)" % rule_id)

    # IAM
    for role_name, expected_ddb in EXPECTED_DYNAMODB.items():
        role = resources.get(role_name)
        check(role is not None and role["Type"] == "AWS::IAM::Role", "%s exists" % role_name)
        if role is None:
            continue
        managed = role["Properties"].get("ManagedPolicyArns", [])
        managed_text = json.dumps(managed)
        check(len(managed) == 1 and BASIC_EXECUTION_POLICY in managed_text,
              "%s: only managed policy is AWSLambdaBasicExecutionRole" % role_name)
        ddb_actions, index_actions, kms_statements, other_actions = set(), set(), [], set()
        for policy_name, statement in _allow_statements(role):
            actions = {a for a in _as_list(statement.get("Action", []))}
            effect = statement.get("Effect")
            check(effect == "Allow", "%s/%s: statement effect is Allow" % (role_name, policy_name))
            check("*" not in actions and not any(a.endswith(":*") for a in actions),
                  "%s/%s: no wildcard actions" % (role_name, policy_name))
            resource = statement.get("Resource")
            check(resource != "*" and "*" not in _as_list(resource),
                  "%s/%s: no Resource '*'" % (role_name, policy_name))
            for action in actions:
                lowered = action.lower()
                if lowered.startswith("dynamodb:"):
                    if resource == STALE_INDEX_ARN:
                        index_actions.add(action)
                    else:
                        ddb_actions.add(action)
                        check(resource == TABLE_ARN,
                              "%s: %s only on the connector table or its %s index (%s)"
                              % (role_name, action, STALE_INDEX, json.dumps(resource)))
                elif lowered.startswith("kms:"):
                    kms_statements.append((action, statement))
                else:
                    other_actions.add(action)
        check(ddb_actions == expected_ddb, "%s: DynamoDB actions %s" % (role_name, sorted(ddb_actions)))
        expected_index = EXPECTED_INDEX_DYNAMODB[role_name]
        check(index_actions == expected_index,
              "%s: DynamoDB actions on the %s index %s (expected %s)"
              % (role_name, STALE_INDEX, sorted(index_actions) or "none", sorted(expected_index) or "none"))
        if not expected_index:
            index_mentions = [s for _, s in _allow_statements(role) if "/index/" in json.dumps(s.get("Resource"))]
            check(not index_mentions, "%s: no index resource at all" % role_name)
        check(not other_actions, "%s: no actions besides DynamoDB/KMS (%s)" % (role_name, sorted(other_actions) or "none"))
        if role_name == "WebhookFunctionRole":
            check(not kms_statements, "WebhookFunctionRole: has NO kms:* action (found %s)"
                  % (sorted(a for a, _ in kms_statements) or "none"))
        else:
            kms_actions = {a for a, _ in kms_statements}
            check(kms_actions == EXPECTED_CONFIG_KMS, "ConfigFunctionRole: KMS actions %s" % sorted(kms_actions))
            for action, statement in kms_statements:
                condition = statement.get("Condition", {}).get("ForAnyValue:StringEquals", {})
                check(statement.get("Resource") == {"Fn::GetAtt": [KEY, "Arn"]},
                      "ConfigFunctionRole: %s only on the secrets key" % action)
                check(condition.get("kms:EncryptionContextKeys") in ("tenant", ["tenant"]),
                      "ConfigFunctionRole: %s requires encryption context key 'tenant'" % action)

    # Key policy denies the webhook role
    key_policy = resources[KEY]["Properties"]["KeyPolicy"]
    denies = [s for s in _as_list(key_policy["Statement"]) if s.get("Effect") == "Deny"]
    check(any(s.get("Principal", {}).get("AWS") == {"Fn::GetAtt": ["WebhookFunctionRole", "Arn"]}
              and s.get("Action") == "kms:*" for s in denies),
          "SecretsKey policy denies every KMS action to WebhookFunctionRole")
    check(resources[KEY]["Properties"].get("EnableKeyRotation") is True, "SecretsKey rotation enabled")

    # Table
    table = resources[TABLE]["Properties"]
    check(table.get("BillingMode") == "PAY_PER_REQUEST", "table is on-demand")
    check(table.get("TimeToLiveSpecification") == {"AttributeName": "expiresAt", "Enabled": True},
          "table TTL on expiresAt")
    check(table.get("PointInTimeRecoverySpecification", {}).get("PointInTimeRecoveryEnabled") is True,
          "table point-in-time recovery enabled")
    check(table.get("SSESpecification", {}).get("SSEEnabled") is True, "table SSE enabled")
    attributes = {a["AttributeName"]: a["AttributeType"] for a in table.get("AttributeDefinitions", [])}
    check(attributes == {"pk": "S", "sk": "S", "stalePk": "S", "staleSince": "S"},
          "table attribute definitions pk, sk, stalePk, staleSince (all S): %s" % attributes)
    indexes = {i["IndexName"]: i for i in table.get("GlobalSecondaryIndexes", [])}
    check(sorted(indexes) == [STALE_INDEX], "table has exactly one GSI, %s (%s)" % (STALE_INDEX, sorted(indexes)))
    stale = indexes.get(STALE_INDEX, {})
    check(stale.get("KeySchema") == [{"AttributeName": "stalePk", "KeyType": "HASH"},
                                     {"AttributeName": "staleSince", "KeyType": "RANGE"}],
          "%s index keys: stalePk (HASH), staleSince (RANGE)" % STALE_INDEX)
    check(stale.get("Projection") == {"ProjectionType": "KEYS_ONLY"},
          "%s index projection is KEYS_ONLY" % STALE_INDEX)
    check(not table.get("LocalSecondaryIndexes"), "table has no local secondary index")

    if failures:
        print("FAIL  %d of %d template checks failed" % (len(failures), len(failures) + len(passed)))
    else:
        print("ok    all %d template checks passed (IAM least privilege, webhook has no KMS access, "
              "flood protection, routes, schedule, env, table and index)" % len(passed))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
