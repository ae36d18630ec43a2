package servicerunner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFileTest {
  @TempDir Path dir;

  @Test
  void parsesTheFourActionsAndForce() {
    assertEquals(ControlCommand.Action.SKIP, ControlFile.parse(b("{\"action\":\"skip\",\"timestamp\":1}")).get().action());
    assertTrue(ControlFile.parse(b("{\"action\":\"stop\",\"force\":true}")).get().force());
    assertEquals(ControlCommand.Action.RESUME, ControlFile.parse(b("{\"action\":\"resume\"}")).get().action());
    assertEquals(ControlCommand.Action.PAUSE, ControlFile.parse(b("{\"action\":\"pause\"}")).get().action());
  }

  @Test
  void garbageIsNoSignal() {
    for (String s : new String[] {"", "{", "{\"action\":\"sk", "null", "[]", "{\"action\":1}", "{\"action\":\"STOP\"}"}) {
      assertEquals(Optional.empty(), ControlFile.parse(b(s)), s);
    }
  }

  @Test
  void oneWriteIsActedOnOnceAndAPartialWriteIsReread() throws Exception {
    Path p = dir.resolve("c.json");
    ControlFile f = new ControlFile(p);
    assertTrue(f.poll().isEmpty(), "missing file");
    Files.writeString(p, "{\"action\":\"pa");
    assertTrue(f.poll().isEmpty());
    Files.writeString(p, "{\"action\":\"pause\"}");
    assertTrue(f.poll().isPresent());
    assertTrue(f.poll().isEmpty(), "the same write is not acted on twice");
    f.consume();
    assertTrue(Files.exists(p) == false);
  }

  /** The live sequence the watcher sees: every junk write polls as nothing, and a real command after them is read. */
  @Test
  void junkWritesPollAsNothingAndACommandAfterThemIsRead() throws Exception {
    Path p = dir.resolve("c.json");
    ControlFile f = new ControlFile(p);
    for (String junk : new String[] {"", "{\"act", "not json", "{\"action\":\"dance\"}", "[1,2]", "{\"action\":42}",
        "{\"action\":\"sk", "\u0000\u0001\u00ff"}) {
      Files.writeString(p, junk);
      assertEquals(Optional.empty(), f.poll(), junk);
    }
    Files.writeString(p, "{\"action\":\"skip\",\"timestamp\":1}");
    assertEquals(ControlCommand.Action.SKIP, f.poll().orElseThrow().action());
  }

  @Test
  void consumeKeepsANewerCommand() throws Exception {
    Path p = dir.resolve("c.json");
    ControlFile f = new ControlFile(p);
    Files.writeString(p, "{\"action\":\"skip\",\"timestamp\":1}");
    assertTrue(f.poll().isPresent());
    Files.writeString(p, "{\"action\":\"stop\",\"timestamp\":2}");
    f.consume();
    assertTrue(Files.exists(p), "a stop written after the skip was read must survive");
    assertFalse(f.poll().isEmpty());
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
