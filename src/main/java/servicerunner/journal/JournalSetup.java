package servicerunner.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import servicerunner.plan.PreparedPlan;
import servicerunner.plan.PreparedTask;
import servicerunner.run.Ending;
import servicerunner.run.RunObserver;

/** --journal and --resume: the finished results to replay, and the writer for this run's results. */
public record JournalSetup(Map<Integer, Ending.Resumed> finished, Optional<Journal.Writer> writer) {

  public static JournalSetup open(Path path, boolean resume, PreparedPlan plan, RunObserver log) throws Journal.JournalException {
    if (path == null) {
      return new JournalSetup(Map.of(), Optional.empty());
    }
    String digest = plan.plan().digest();
    Map<Integer, Ending.Resumed> finished = Map.of();
    if (resume) {
      List<String> types = new ArrayList<>();
      for (PreparedTask t : plan.tasks()) {
        types.add(t.spec().type());
      }
      Journal.Loaded loaded = Journal.load(path, digest, types);
      loaded.warnings().forEach(w -> log.log("Warning: " + w));
      finished = loaded.results();
      log.log("Resuming from journal '" + path + "': " + finished.size() + " of " + types.size() + " tasks already finished");
    }
    try {
      return new JournalSetup(finished, Optional.of(Journal.Writer.open(path, digest, resume)));
    } catch (IOException | RuntimeException e) {
      log.log("Warning: cannot open journal '" + path + "': " + e.getMessage() + "; continuing without it");
      return new JournalSetup(finished, Optional.empty());
    }
  }

  public void close() {
    writer.ifPresent(Journal.Writer::close);
  }
}
