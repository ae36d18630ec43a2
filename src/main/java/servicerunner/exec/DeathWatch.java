package servicerunner.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ends the runner's tools when the runner dies, even by SIGKILL, for tools started by {@link NativeSpawn} (which
 * cannot give them a death signal as {@code setpriv --pdeathsig} did). A small watcher started once, in a session of
 * its own (a terminal's Ctrl-C or hang-up does not reach it), reads "+ pid" and "- pid" lines from a pipe only this
 * JVM writes to. When the JVM ends, however it ends, the kernel closes that pipe; the watcher reads end-of-file and
 * SIGKILLs every tool still listed and its process group. A tool that is the init of a PID namespace takes the whole
 * namespace with it. A pid leaves the list before its zombie is reaped, so the list never names a reused pid.
 *
 * <p>The watcher is awk, which reads what is in the pipe at once; a shell's {@code read} takes it a byte at a time,
 * a system call per byte on the other core for every task. The shell script is kept for a system without awk.
 */
final class DeathWatch {
  static final Path AWK = Path.of("/usr/bin/awk");

  /** The list is awk's array {@code t}; at end-of-file one kill per tool still in it. */
  static final String AWK_SCRIPT = "$1 == \"+\" { t[$2] = 1 } $1 == \"-\" { delete t[$2] }"
      + " END { for (p in t) system(\"kill -KILL -\" p \" \" p \" >/dev/null 2>&1\") }";

  /** {@code p} holds " pid pid ... " with a space on both sides of each, so a pid is matched whole. */
  static final String SCRIPT = "exec >/dev/null 2>&1; p=' '; while read -r op id; do case \"$op\" in"
      + " +) p=\"$p$id \" ;;"
      + " -) case \"$p\" in *\" $id \"*) p=\"${p%% $id *} ${p#* $id }\" ;; esac ;;"
      + " esac; done; for id in $p; do kill -KILL \"-$id\" \"$id\"; done";

  private static final Object LOCK = new Object();
  private static OutputStream pipe; // null until the first tool
  private static boolean broken;

  private DeathWatch() {}

  /**
   * Starts the watch, with {@code spawner}, if it is not running yet. Called before a tool starts, so that only the
   * write of its line lies between its start and its being watched (starting awk after the first tool left that tool
   * unwatched for milliseconds: OrphansIT's SIGKILL once fell in that gap under load).
   */
  static void ready(NativeSpawn spawner) {
    synchronized (LOCK) {
      if (pipe == null && !broken) {
        try {
          pipe = start(spawner);
        } catch (IOException e) {
          broken = true;
        }
      }
    }
  }

  /** Lists a just-started tool. */
  static void watch(long pid) {
    send("+ " + pid + "\n");
  }

  /** The tool has exited and is about to be reaped. */
  static void release(long pid) {
    send("- " + pid + "\n");
  }

  private static void send(String line) {
    synchronized (LOCK) {
      if (broken || pipe == null) {
        return;
      }
      try {
        pipe.write(line.getBytes(StandardCharsets.US_ASCII));
        pipe.flush();
      } catch (IOException e) {
        broken = true; // the watch is gone (killed from outside): the tools still end with their tasks
      }
    }
  }

  private static OutputStream start(NativeSpawn spawner) throws IOException {
    NativeSpawn.Child watch = Files.isExecutable(AWK)
        ? spawner.spawn(AWK, List.of("awk", AWK_SCRIPT), null, null, false)
        : spawner.spawn(TreeGuard.SH, List.of("sh", "-c", SCRIPT, "sr-watch"), null, null, false);
    watch.stdout().close(); // it writes nothing (the shell's first step sends both to /dev/null; awk's kills too)
    watch.stderr().close();
    return watch.stdin();
  }
}
