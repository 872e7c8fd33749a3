package dev.strata.cost;

/** EFS storage classes of a Regional file system. */
public enum EfsStorageClass {
    STANDARD, INFREQUENT_ACCESS, ARCHIVE
}
