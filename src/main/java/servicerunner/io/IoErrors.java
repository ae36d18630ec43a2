package servicerunner.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O error in words: many of Java's file errors carry only the path ("Failed to write to 'a/b': a"). */
public final class IoErrors {
  private IoErrors() {}

  public static String describe(IOException e) {
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      String why = f.getReason() != null ? f.getReason()
          : e instanceof NotDirectoryException ? "a part of the path is a file, not a folder"
          : e instanceof NoSuchFileException ? "no such file or folder"
          : e instanceof AccessDeniedException ? "access denied"
          : e instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a folder"
          : e instanceof DirectoryNotEmptyException ? "a folder that is not empty is in the way"
          : e.getClass().getSimpleName();
      return (f.getFile() != null ? f.getFile() + ": " : "") + why;
    }
    return String.valueOf(e.getMessage());
  }
}
