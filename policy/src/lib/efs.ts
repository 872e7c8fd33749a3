export const FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
export const FILE_SYSTEM_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";
export const BACKUP_POLICY = "aws:efs/backupPolicy:BackupPolicy";
