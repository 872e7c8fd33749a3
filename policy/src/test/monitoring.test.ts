import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as topicCmk } from "../rules/sns-topic-encryption-cmk";
import { policy as alarmActions } from "../rules/cloudwatch-alarm-actions";
import { findings, KEY_ARN, plan, resource, tags } from "../testing/support";

const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:prod-alarms-id";

function topic(inputs: Record<string, unknown> = {}) {
    return resource("aws:sns/topic:Topic", "prod-alarms", { kmsMasterKeyId: KEY_ARN, tags: tags("prod"), ...inputs });
}

function alarm(inputs: Record<string, unknown> = {}) {
    return resource("aws:cloudwatch/metricAlarm:MetricAlarm", "prod-training-hot-free-storage", {
        namespace: "AWS/FSx", metricName: "FreeDataStorageCapacity", statistic: "Sum", dimensions: { FileSystemId: "fs-1" },
        comparisonOperator: "LessThanThreshold", threshold: 1, evaluationPeriods: 3, period: 300,
        actionsEnabled: true, alarmActions: [TOPIC_ARN], okActions: [TOPIC_ARN], tags: tags("prod"), ...inputs,
    });
}

describe("sns-topic-encryption-cmk", () => {
    it("accepts a topic encrypted with a customer-managed key", () => assert.deepEqual(findings(topicCmk, plan("prod", [topic()])), []));
    it("rejects no encryption and the AWS managed key", () => {
        assert.deepEqual(findings(topicCmk, plan("prod", [topic({ kmsMasterKeyId: undefined })])).map(f => f.message), [
            "Topic prod-alarms must be encrypted with a customer-managed kmsMasterKeyId.",
        ]);
        assert.equal(findings(topicCmk, plan("prod", [topic({ kmsMasterKeyId: "alias/aws/sns" })])).length, 1);
    });
});

describe("cloudwatch-alarm-actions", () => {
    it("accepts an enabled alarm that notifies a topic, and one that leaves actionsEnabled to its default", () => {
        assert.deepEqual(findings(alarmActions, plan("prod", [alarm()])), []);
        assert.deepEqual(findings(alarmActions, plan("prod", [alarm({ actionsEnabled: undefined })])), []);
    });
    it("rejects actions switched off and an alarm with no action", () => {
        assert.deepEqual(findings(alarmActions, plan("prod", [alarm({ actionsEnabled: false, alarmActions: [] })])).map(f => f.message), [
            "MetricAlarm prod-training-hot-free-storage must have actionsEnabled true.",
            "MetricAlarm prod-training-hot-free-storage must have at least one alarmActions entry.",
        ]);
        assert.equal(findings(alarmActions, plan("prod", [alarm({ alarmActions: undefined })])).length, 1);
    });
});
