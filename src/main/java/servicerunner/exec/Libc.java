package servicerunner.exec;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few glibc calls {@link NativeSpawn} needs, through JNA (Java 17 has no final foreign-function API), mapped
 * directly: a call through a JNA interface proxy costs several microseconds, a task makes about twenty. Every function
 * returns its error number or sets errno as its man page says; the caller checks.
 */
final class Libc {
  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 0x80000;
  static final int CLONE_NEWPID = 0x20000000;
  static final int WNOHANG = 1;
  static final int P_PID = 1;
  static final int WEXITED = 4;
  static final int WNOWAIT = 0x01000000;
  static final int SIGINFO_SIZE = 128;
  static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  /** glibc 2.26 and later: the child calls setsid() before exec, so no setsid program is needed. */
  static final short POSIX_SPAWN_SETSID = 0x80;
  /** Generous sizes for glibc's opaque types (x86-64 and aarch64: 336, 80 and 128 bytes). */
  static final int SPAWNATTR_SIZE = 1024;
  static final int FILE_ACTIONS_SIZE = 512;
  static final int SIGSET_SIZE = 256;

  static native int pipe2(int[] fds, int flags);

  static native int close(int fd);

  static native int open(String path, int flags);

  /** ssize_t read(int, void *, size_t): -1 and errno on failure. */
  static native long read(int fd, java.nio.ByteBuffer buf, long count); // a direct buffer: its address is passed

  static native long write(int fd, Pointer buf, long count);

  static native int unshare(int flags);

  static native int setns(int fd, int nstype);

  /** {@code status}: one element. Out-parameters are primitive arrays: no native memory for the cleaner to free. */
  static native int waitpid(int pid, int[] status, int options);

  /** {@code info}: {@link #SIGINFO_SIZE} bytes; {@code si_signo} is its first int. */
  static native int waitid(int idtype, int id, byte[] info, int options);

  static native int sigemptyset(Pointer set);

  static native int sigfillset(Pointer set);

  static native int posix_spawnattr_init(Pointer attr);

  static native int posix_spawnattr_setflags(Pointer attr, short flags);

  static native int posix_spawnattr_setsigmask(Pointer attr, Pointer set);

  static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);

  static native int posix_spawn_file_actions_init(Pointer actions);

  static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

  /** glibc 2.34 and later. */
  static native int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int lowfd);

  /** glibc 2.29 and later. */
  static native int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);

  static native int posix_spawn_file_actions_destroy(Pointer actions);

  static native int posix_spawn(int[] pid, String path, Pointer actions, Pointer attr, Pointer argv, Pointer envp);

  static native String strerror(int errnum);

  private Libc() {}

  /** Binds the natives above; throws a {@link LinkageError} where JNA or a function is missing. */
  static void load() {
    Native.register(Libc.class, NativeLibrary.getInstance("libc.so.6")); // glibc by its file name: no search
  }

  /**
   * This thread's block in {@code slot}, made anew only when smaller than {@code size} ({@code min} bytes at least):
   * a Memory is a malloc and a cleaner entry, too much for every tool.
   */
  static Memory threadBlock(ThreadLocal<Memory[]> slot, long size, long min) {
    Memory[] mine = slot.get();
    if (mine[0] == null || mine[0].size() < size) {
      mine[0] = new Memory(Math.max(size, min));
    }
    return mine[0];
  }

  static Memory zeroed(int size) {
    Memory m = new Memory(size);
    m.clear();
    return m;
  }
}
