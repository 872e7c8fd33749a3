/** True for a KMS key reference that names an AWS managed key (`alias/aws/...`). */
export function isAwsManagedKey(key: string): boolean {
    return /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//.test(key);
}
