package servicerunner.exec;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.win32.StdCallLibrary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link JobObjects} through kernel32, with JNA (Java 17 has no final foreign-function API). Loaded by name on
 * Windows only. Not run on a real Windows by this project's tests (they run on Linux): see README, Processes.
 *
 * <p>A tool is started first and put in its job right after, so a child it starts in that instant stays in the
 * runner's job only: the runner's death still ends it, and a kill of the task still finds it as a descendant.
 */
public final class WindowsJobObjects implements JobObjects {
  /** JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: closing the job's last handle ends every process in it. */
  static final int KILL_ON_JOB_CLOSE = 0x2000;
  /** JOBOBJECTINFOCLASS JobObjectExtendedLimitInformation. */
  static final int EXTENDED_LIMIT_INFORMATION = 9;
  /** PROCESS_SET_QUOTA | PROCESS_TERMINATE: what AssignProcessToJobObject needs on the process handle. */
  static final int ASSIGN_ACCESS = 0x0100 | 0x0001;
  /** The exit code of a process ended with its job (taskkill /F gives 1 too). */
  static final int KILLED = 1;

  private final Kernel32 kernel;
  private final Pointer runnerJob; // never closed: the system closes it when the runner ends, ending what is left
  private final Map<Long, Pointer> toolJobs = new ConcurrentHashMap<>();

  private WindowsJobObjects(Kernel32 kernel, Pointer runnerJob) {
    this.kernel = kernel;
    this.runnerJob = runnerJob;
  }

  /** Puts the runner in its job; throws when Windows refuses (the guard is then taskkill). */
  public static WindowsJobObjects start() {
    Kernel32 k = Native.load("kernel32", Kernel32.class);
    Pointer job = killOnClose(k);
    if (job == null) {
      throw new IllegalStateException("CreateJobObject failed: error " + Native.getLastError());
    }
    if (!k.AssignProcessToJobObject(job, k.GetCurrentProcess())) {
      int error = Native.getLastError();
      k.CloseHandle(job);
      throw new IllegalStateException("AssignProcessToJobObject(runner) failed: error " + error);
    }
    return new WindowsJobObjects(k, job);
  }

  @Override
  public boolean adopt(Process tool) {
    try {
      Pointer job = killOnClose(kernel);
      if (job == null) {
        return false;
      }
      Pointer process = kernel.OpenProcess(ASSIGN_ACCESS, false, (int) tool.pid());
      boolean assigned = process != null && kernel.AssignProcessToJobObject(job, process);
      if (process != null) {
        kernel.CloseHandle(process);
      }
      if (!assigned) {
        kernel.CloseHandle(job);
        return false;
      }
      toolJobs.put(tool.pid(), job);
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false; // the tool runs on; a kill falls back to taskkill
    }
  }

  @Override
  public boolean terminate(long pid) {
    Pointer job = toolJobs.get(pid);
    try {
      return job != null && kernel.TerminateJobObject(job, KILLED);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void release(long pid) {
    Pointer job = toolJobs.remove(pid);
    if (job != null) {
      try {
        kernel.CloseHandle(job);
      } catch (RuntimeException | LinkageError ignored) {
        // the handle goes with the runner at the latest
      }
    }
  }

  /** A new job whose processes all end when its last handle closes; null when Windows refused. */
  private static Pointer killOnClose(Kernel32 k) {
    Pointer job = k.CreateJobObjectW(null, null);
    if (job == null) {
      return null;
    }
    ExtendedLimits limits = new ExtendedLimits();
    limits.basic.limitFlags = KILL_ON_JOB_CLOSE;
    limits.write();
    if (!k.SetInformationJobObject(job, EXTENDED_LIMIT_INFORMATION, limits, limits.size())) {
      k.CloseHandle(job);
      return null;
    }
    return job;
  }

  /** The kernel32 functions used, as declared in the Windows SDK (BOOL maps to boolean, HANDLE to Pointer). */
  public interface Kernel32 extends StdCallLibrary {
    Pointer CreateJobObjectW(Pointer attributes, WString name);

    boolean SetInformationJobObject(Pointer job, int infoClass, ExtendedLimits info, int length);

    boolean AssignProcessToJobObject(Pointer job, Pointer process);

    boolean TerminateJobObject(Pointer job, int exitCode);

    Pointer OpenProcess(int access, boolean inheritHandle, int pid);

    Pointer GetCurrentProcess();

    boolean CloseHandle(Pointer handle);
  }

  /** SIZE_T and ULONG_PTR: pointer-sized unsigned integers. */
  public static final class SizeT extends IntegerType {
    public SizeT() {
      super(Native.SIZE_T_SIZE, true);
    }
  }

  /** JOBOBJECT_BASIC_LIMIT_INFORMATION (LARGE_INTEGER as long: 8 bytes, 8-aligned). */
  @Structure.FieldOrder({"perProcessUserTimeLimit", "perJobUserTimeLimit", "limitFlags", "minimumWorkingSetSize",
      "maximumWorkingSetSize", "activeProcessLimit", "affinity", "priorityClass", "schedulingClass"})
  public static class BasicLimits extends Structure {
    public long perProcessUserTimeLimit;
    public long perJobUserTimeLimit;
    public int limitFlags;
    public SizeT minimumWorkingSetSize = new SizeT();
    public SizeT maximumWorkingSetSize = new SizeT();
    public int activeProcessLimit;
    public SizeT affinity = new SizeT();
    public int priorityClass;
    public int schedulingClass;
  }

  /** IO_COUNTERS. */
  @Structure.FieldOrder({"readOperations", "writeOperations", "otherOperations", "readBytes", "writeBytes",
      "otherBytes"})
  public static class IoCounters extends Structure {
    public long readOperations;
    public long writeOperations;
    public long otherOperations;
    public long readBytes;
    public long writeBytes;
    public long otherBytes;
  }

  /** JOBOBJECT_EXTENDED_LIMIT_INFORMATION: 144 bytes on 64-bit Windows, 112 on 32-bit. */
  @Structure.FieldOrder({"basic", "io", "processMemoryLimit", "jobMemoryLimit", "peakProcessMemoryUsed",
      "peakJobMemoryUsed"})
  public static class ExtendedLimits extends Structure {
    public BasicLimits basic = new BasicLimits();
    public IoCounters io = new IoCounters();
    public SizeT processMemoryLimit = new SizeT();
    public SizeT jobMemoryLimit = new SizeT();
    public SizeT peakProcessMemoryUsed = new SizeT();
    public SizeT peakJobMemoryUsed = new SizeT();
  }
}
