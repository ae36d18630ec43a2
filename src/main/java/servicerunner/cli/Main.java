package servicerunner.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/** Entry point. stdout is kept for the report alone: System.out is pointed at stderr so nothing else can reach it. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // first: a signal from here on stops the run with a report (audit D10: none in the first ~55 ms before)
    SignalHandling signals = SignalHandling.install();
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
    System.setOut(new PrintStream(stderr, true));
    Cli cli = new Cli(System.in, stdout, stderr, System.getenv()).signals(signals);
    // The usual invocation skips picocli (see FastArgs); everything else goes through it unchanged.
    int code = FastArgs.apply(args, cli) ? cli.executeParsed() : cli.execute(args);
    System.exit(code);
  }
}
