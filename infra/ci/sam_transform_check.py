#!/usr/bin/env python3
"""Transform template.yaml with the AWS SAM translator (offline) and check the security
invariants of the generated IAM roles (actions and the partition keys they are limited to), the
secrets key's policy (administration without use; use by the config function only, bound to
tenant and purpose), the webhook's flood protection (reserved concurrency, route throttle), the sync schedule, the routes and the table.
All of it is checked once for each value of the Packaging parameter (native, jvm), together with
what that parameter changes (memory, CONNECTOR_PACKAGING); the two resolved stacks must differ in
nothing else.

Usage: python3 infra/ci/sam_transform_check.py [path/to/template.yaml]

Exits 0 when the template transforms and every check passes, 1 otherwise. Prints every
failed check and a summary line (every check with VERBOSE=1). Needs the aws-sam-translator
and PyYAML packages; makes no network call.
"""

import copy
import fnmatch
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
FUNCTIONS = ("ConfigFunction", "WebhookFunction")

# The Packaging parameter: which build the functions run (the Makefile builds it, PACKAGING) and
# the memory each gets (template Mappings PackagingSettings).
PACKAGING_PARAMETER = "Packaging"
PACKAGINGS = ("native", "jvm")
EXPECTED_MEMORY = {"native": 256, "jvm": 1024}

# The partition keys (dynamodb:LeadingKeys patterns) each role may use, per DynamoDB action,
# on the table and on the stale-tickets index (no other index exists). The layout is README
# "The table" and "How the ticket sync works".
CONFIG_LEADING_KEYS = {"TENANT#*", "TOKEN#*", "SYNC#DUE", "HALO#*"}
EXPECTED_TABLE_ACCESS = {
    "ConfigFunctionRole": {action: CONFIG_LEADING_KEYS for action in (
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query")},
    # A delivery looks its token up, then writes event, ticket and connection counters.
    "WebhookFunctionRole": {
        "dynamodb:GetItem": {"TOKEN#*"},
        "dynamodb:BatchGetItem": {"TENANT#*"},
        "dynamodb:PutItem": {"TENANT#*"},
        "dynamodb:UpdateItem": {"TENANT#*"},
    },
}
EXPECTED_INDEX_ACCESS = {
    "ConfigFunctionRole": {"dynamodb:Query": {"TENANT#*"}},
    "WebhookFunctionRole": {},
}
LEADING_KEYS = "dynamodb:LeadingKeys"

# The key policy: use of the secrets key by the config function role only, bound to a tenant and
# one of the purposes the code seals for (store/SecretPurpose.java).
EXPECTED_KEY_USE = {"kms:GenerateDataKey", "kms:Decrypt"}
EXPECTED_CONTEXT_KEYS = {"tenant", "purpose"}
EXPECTED_PURPOSES = {"clientSecret", "callbackToken", "haloToken"}
# Every KMS action that uses key material or hands out its use; administrators get none of them.
KEY_USE_ACTIONS = {
    "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
    "kms:GenerateMac", "kms:VerifyMac", "kms:Sign", "kms:Verify", "kms:DeriveSharedSecret", "kms:CreateGrant",
}
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


def _matches_any(pattern, actions):
    """The actions an IAM action pattern (possibly with wildcards) covers, case-insensitively."""
    return {a for a in actions if fnmatch.fnmatchcase(a.lower(), pattern.lower())}


def _matches_any_list(statement, actions):
    covered = set()
    for pattern in _as_list(statement.get("Action", [])):
        covered |= _matches_any(pattern, actions)
    return covered


def _describe(access):
    return {action: sorted(keys) for action, keys in sorted(access.items())} or "none"


def _leading_keys(statement, require_present):
    """The LeadingKeys patterns a DynamoDB statement is limited to, or None when it is not limited."""
    condition = statement.get("Condition", {})
    allowed = condition.get("ForAllValues:StringLike", {}).get(LEADING_KEYS)
    if allowed is None:
        return None
    if require_present and condition.get("Null", {}).get(LEADING_KEYS) != "false":
        return None
    return set(_as_list(allowed))


def _check_stack(sam, cfn, check):
    """The invariants that hold whatever the Packaging parameter: functions, routes, flood
    protection, schedule, IAM, key policy, table."""
    resources = cfn["Resources"]

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
    for role_name, expected_table in EXPECTED_TABLE_ACCESS.items():
        role = resources.get(role_name)
        check(role is not None and role["Type"] == "AWS::IAM::Role", "%s exists" % role_name)
        if role is None:
            continue
        managed = role["Properties"].get("ManagedPolicyArns", [])
        managed_text = json.dumps(managed)
        check(len(managed) == 1 and BASIC_EXECUTION_POLICY in managed_text,
              "%s: only managed policy is AWSLambdaBasicExecutionRole" % role_name)
        table_access, index_access, kms_actions, other_actions = {}, {}, set(), set()
        for policy_name, statement in _allow_statements(role):
            actions = {a for a in _as_list(statement.get("Action", []))}
            effect = statement.get("Effect")
            check(effect == "Allow", "%s/%s: statement effect is Allow" % (role_name, policy_name))
            check("*" not in actions and not any(a.endswith(":*") for a in actions),
                  "%s/%s: no wildcard actions" % (role_name, policy_name))
            resource = statement.get("Resource")
            check(resource != "*" and "*" not in _as_list(resource),
                  "%s/%s: no Resource '*'" % (role_name, policy_name))
            sid = statement.get("Sid", "?")
            for action in actions:
                lowered = action.lower()
                if lowered.startswith("dynamodb:"):
                    on_index = resource == STALE_INDEX_ARN
                    check(on_index or resource == TABLE_ARN,
                          "%s: %s only on the connector table or its %s index (%s)"
                          % (role_name, action, STALE_INDEX, json.dumps(resource)))
                    # On the table, a request must name its partition key; for the index the
                    # condition is kept without that demand (its key is stalePk, not pk).
                    keys = _leading_keys(statement, require_present=not on_index)
                    check(keys is not None,
                          "%s/%s: %s is limited by ForAllValues:StringLike %s%s"
                          % (role_name, sid, action, LEADING_KEYS, "" if on_index else " and Null=false"))
                    access = index_access if on_index else table_access
                    access.setdefault(action, set()).update(keys or {"<any partition>"})
                elif lowered.startswith("kms:"):
                    kms_actions.add(action)
                else:
                    other_actions.add(action)
        check(table_access == expected_table,
              "%s: DynamoDB actions and partition keys on the table %s (expected %s)"
              % (role_name, _describe(table_access), _describe(expected_table)))
        expected_index = EXPECTED_INDEX_ACCESS[role_name]
        check(index_access == expected_index,
              "%s: DynamoDB actions and partition keys on the %s index %s (expected %s)"
              % (role_name, STALE_INDEX, _describe(index_access), _describe(expected_index)))
        if not expected_index:
            index_mentions = [s for _, s in _allow_statements(role) if "/index/" in json.dumps(s.get("Resource"))]
            check(not index_mentions, "%s: no index resource at all" % role_name)
        check(not other_actions, "%s: no actions besides DynamoDB/KMS (%s)" % (role_name, sorted(other_actions) or "none"))
        # Use of the secrets key is granted by its key policy alone (below), never by IAM.
        check(not kms_actions, "%s: has NO kms:* action in IAM (found %s)" % (role_name, sorted(kms_actions) or "none"))

    # Key policy: administration separate from use; use by the config function only, bound to
    # tenant and purpose; the webhook role denied everything.
    key_policy = resources[KEY]["Properties"]["KeyPolicy"]
    statements = _as_list(key_policy["Statement"])
    allows = [s for s in statements if s.get("Effect") == "Allow"]
    denies = [s for s in statements if s.get("Effect") == "Deny"]
    config_role = {"Fn::GetAtt": ["ConfigFunctionRole", "Arn"]}
    account_root = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
    users = []
    for statement in allows:
        sid = statement.get("Sid", "?")
        principal = statement.get("Principal", {})
        check(principal != "*" and principal.get("AWS") not in ("*", None),
              "SecretsKey/%s: names its principal (no '*')" % sid)
        granted = _matches_any_list(statement, KEY_USE_ACTIONS)
        if granted:
            users.append((sid, statement, granted))
    administrators = [s for s in allows if s.get("Principal", {}).get("AWS") == account_root]
    check(len(administrators) == 1, "SecretsKey: one statement lets the account administer the key")
    for statement in administrators:
        check(not _matches_any_list(statement, KEY_USE_ACTIONS),
              "SecretsKey/%s: the account's administrators get no use of the key (found %s)"
              % (statement.get("Sid", "?"), sorted(_matches_any_list(statement, KEY_USE_ACTIONS)) or "none"))
    check(len(users) == 1, "SecretsKey: exactly one statement allows using the key (%s)" % [u[0] for u in users])
    for sid, statement, granted in users:
        condition = statement.get("Condition", {})
        check(statement.get("Principal", {}).get("AWS") == config_role,
              "SecretsKey/%s: only ConfigFunctionRole may use the key" % sid)
        check(granted == EXPECTED_KEY_USE and set(_as_list(statement.get("Action"))) == EXPECTED_KEY_USE,
              "SecretsKey/%s: use is exactly %s (found %s)" % (sid, sorted(EXPECTED_KEY_USE), sorted(granted)))
        context_keys = condition.get("ForAllValues:StringEquals", {}).get("kms:EncryptionContextKeys")
        check(set(_as_list(context_keys or [])) == EXPECTED_CONTEXT_KEYS,
              "SecretsKey/%s: encryption context keys limited to %s" % (sid, sorted(EXPECTED_CONTEXT_KEYS)))
        check(condition.get("Null", {}).get("kms:EncryptionContext:tenant") == "false",
              "SecretsKey/%s: encryption context must carry a tenant" % sid)
        purposes = condition.get("StringEquals", {}).get("kms:EncryptionContext:purpose")
        check(set(_as_list(purposes or [])) == EXPECTED_PURPOSES,
              "SecretsKey/%s: encryption context must carry a purpose among %s" % (sid, sorted(EXPECTED_PURPOSES)))
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
    check(attributes == {"pk": "S", "sk": "S", "stalePk": "S", "staleDueAt": "S"},
          "table attribute definitions pk, sk, stalePk, staleDueAt (all S): %s" % attributes)
    indexes = {i["IndexName"]: i for i in table.get("GlobalSecondaryIndexes", [])}
    check(sorted(indexes) == [STALE_INDEX], "table has exactly one GSI, %s (%s)" % (STALE_INDEX, sorted(indexes)))
    stale = indexes.get(STALE_INDEX, {})
    check(stale.get("KeySchema") == [{"AttributeName": "stalePk", "KeyType": "HASH"},
                                     {"AttributeName": "staleDueAt", "KeyType": "RANGE"}],
          "%s index keys: stalePk (HASH), staleDueAt (RANGE)" % STALE_INDEX)
    # The stale step reads when a ticket went stale and how often its fetch failed from the
    # index alone; nothing else (no ticket data) is copied into it.
    check(stale.get("Projection") == {"ProjectionType": "INCLUDE",
                                      "NonKeyAttributes": ["staleSince", "staleFailures"]},
          "%s index projection is INCLUDE staleSince, staleFailures" % STALE_INDEX)
    check(not table.get("LocalSecondaryIndexes"), "table has no local secondary index")



def _resolve(value, parameters, mappings):
    """Resolves Ref to a given parameter and Fn::FindInMap over them, the way CloudFormation
    will at deploy time; every other intrinsic is left as it is."""
    if isinstance(value, list):
        return [_resolve(item, parameters, mappings) for item in value]
    if not isinstance(value, dict):
        return value
    if list(value) == ["Ref"] and value["Ref"] in parameters:
        return parameters[value["Ref"]]
    resolved = {key: _resolve(item, parameters, mappings) for key, item in value.items()}
    if list(resolved) == ["Fn::FindInMap"]:
        args = resolved["Fn::FindInMap"]
        if len(args) == 3 and all(isinstance(arg, str) for arg in args):
            try:
                return mappings[args[0]][args[1]][args[2]]
            except KeyError:
                raise ValueError("Fn::FindInMap %s has no value" % args)
    return resolved


def _differences(left, right, where=""):
    """Paths (dotted) at which two JSON-like trees differ."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in sorted(set(left) | set(right), key=str):
            found += _differences(left.get(key, "<absent>"), right.get(key, "<absent>"),
                                  "%s.%s" % (where, key) if where else str(key))
        return found
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        found = []
        for index, (a, b) in enumerate(zip(left, right)):
            found += _differences(a, b, "%s[%d]" % (where, index))
        return found
    return [] if left == right else [where]


def _check_packaging(sam, cfn, packaging, check):
    """What the Packaging parameter changes, resolved for one of its values."""
    parameter = sam.get("Parameters", {}).get(PACKAGING_PARAMETER, {})
    check(parameter.get("Default") == "native" and parameter.get("AllowedValues") == list(PACKAGINGS),
          "parameter %s defaults to native, allows exactly %s" % (PACKAGING_PARAMETER, list(PACKAGINGS)))
    parameters = dict(PLACEHOLDER_PARAMETERS, **{PACKAGING_PARAMETER: packaging})
    try:
        resources = _resolve(cfn["Resources"], parameters, cfn.get("Mappings", {}))
    except ValueError as error:
        check(False, "template resolves for %s=%s (%s)" % (PACKAGING_PARAMETER, packaging, error))
        return None
    for name in FUNCTIONS:
        props = resources[name]["Properties"]
        env = props.get("Environment", {}).get("Variables", {})
        check(props.get("MemorySize") == EXPECTED_MEMORY[packaging],
              "%s gets %s MB (found %s)" % (name, EXPECTED_MEMORY[packaging], props.get("MemorySize")))
        check(env.get("CONNECTOR_PACKAGING") == packaging,
              "%s has CONNECTOR_PACKAGING=%s (found %s)" % (name, packaging, env.get("CONNECTOR_PACKAGING")))
        # Both packagings are zip packages with a bootstrap on an OS-only runtime; which one is
        # inside is up to the Makefile (PACKAGING), never the template.
        check(props.get("Runtime") == "provided.al2023" and props.get("Handler") == "not.used.in.provided.runtime"
              and props.get("PackageType", "Zip") == "Zip",
              "%s is a zip package on provided.al2023 with the unused handler" % name)
        check(props.get("Code") == {"S3Bucket": "placeholder-bucket", "S3Key": "%s.zip" % name},
              "%s code comes from its own sam build artifact, the same for every packaging" % name)
        check("Layers" not in props, "%s has no layers (the JVM package carries its own runtime)" % name)
    return resources


def main(argv):
    path = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "template.yaml")
    failures = []
    passed = []
    verbose = os.environ.get("VERBOSE") == "1"

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

    # Every check runs once per packaging; the two resolved stacks are then compared.
    resolved = {}
    for packaging in PACKAGINGS:
        label = "[%s=%s] " % (PACKAGING_PARAMETER, packaging)

        def check(ok, message, label=label):
            if verbose or not ok:
                print(("ok    " if ok else "FAIL  ") + label + message)
            (passed if ok else failures).append(label + message)

        parameters = dict(PLACEHOLDER_PARAMETERS, **{PACKAGING_PARAMETER: packaging})
        try:
            # The translator may change the template it is given.
            cfn = transform(copy.deepcopy(sam), parameters, _NoManagedPolicyLookup())
        except Exception as error:  # the translator raises several exception types
            details = getattr(error, "causes", None) or []
            print("FAIL  %sSAM transform: %s" % (label, error))
            for cause in details:
                print("        - %s" % getattr(cause, "message", cause))
            return 1
        print("ok    %sSAM transform succeeded (%d CloudFormation resources)" % (label, len(cfn["Resources"])))
        _check_stack(sam, cfn, check)
        resolved[packaging] = _check_packaging(sam, cfn, packaging, check)

    # Between the two packagings only the functions' memory and CONNECTOR_PACKAGING may differ.
    if all(resolved.values()):
        expected = sorted("Resources.%s.Properties.%s" % (name, field) for name in FUNCTIONS
                          for field in ("MemorySize", "Environment.Variables.CONNECTOR_PACKAGING"))
        found = sorted(_differences({"Resources": resolved["native"]}, {"Resources": resolved["jvm"]}))
        ok = found == expected
        if verbose or not ok:
            print(("ok    " if ok else "FAIL  ") + "native and jvm stacks differ exactly in %s" % found)
        (passed if ok else failures).append("native/jvm differences")

    if failures:
        print("FAIL  %d of %d template checks failed" % (len(failures), len(failures) + len(passed)))
    else:
        print("ok    all %d template checks passed for Packaging=native and =jvm (IAM least privilege with partition-key conditions, key "
              "policy separating administration from use, webhook has no KMS access, flood protection, routes, schedule, env, "
              "table and index)" % len(passed))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
