package dev.strata.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The operating system's reason a file could not be read or written, in words a message can carry
 * ("permission denied", "is a directory", "no space left on device"). Java's file exceptions put the
 * path in the message and the reason, when the OS gave one, in {@link FileSystemException#getReason()};
 * some carry no reason at all, so their type names it.
 */
public final class FileErrors {
    private FileErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null && !fs.getReason().isBlank()) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // FileInputStream and friends say "PATH (Is a directory)": keep the reason in the parentheses.
        int open = message.lastIndexOf(" (");
        if (open >= 0 && message.endsWith(")")) {
            return message.substring(open + 2, message.length() - 1).toLowerCase(Locale.ROOT);
        }
        return Problems.bounded(message.toLowerCase(Locale.ROOT));
    }
}
