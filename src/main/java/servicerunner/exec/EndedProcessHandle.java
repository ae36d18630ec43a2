package servicerunner.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The handle of a {@link SpawnedProcess} reaped before anybody asked for one: ended, with no children and nothing to
 * tell. Its pid may already be another process's, so nothing here looks the pid up or signals it.
 */
final class EndedProcessHandle implements ProcessHandle, ProcessHandle.Info {
  private final long pid;

  EndedProcessHandle(long pid) {
    this.pid = pid;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public Optional<ProcessHandle> parent() {
    return Optional.empty();
  }

  @Override
  public Stream<ProcessHandle> children() {
    return Stream.empty();
  }

  @Override
  public Stream<ProcessHandle> descendants() {
    return Stream.empty();
  }

  @Override
  public Info info() {
    return this;
  }

  @Override
  public CompletableFuture<ProcessHandle> onExit() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public boolean supportsNormalTermination() {
    return true;
  }

  @Override
  public boolean destroy() {
    return false;
  }

  @Override
  public boolean destroyForcibly() {
    return false;
  }

  @Override
  public boolean isAlive() {
    return false;
  }

  @Override
  public int compareTo(ProcessHandle other) {
    return Long.compare(pid, other.pid());
  }

  @Override
  public Optional<String> command() {
    return Optional.empty();
  }

  @Override
  public Optional<String> commandLine() {
    return Optional.empty();
  }

  @Override
  public Optional<String[]> arguments() {
    return Optional.empty();
  }

  @Override
  public Optional<Instant> startInstant() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> totalCpuDuration() {
    return Optional.empty();
  }

  @Override
  public Optional<String> user() {
    return Optional.empty();
  }
}
