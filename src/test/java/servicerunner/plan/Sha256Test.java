package servicerunner.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void knownVectors() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HexFormat.of().formatHex(Sha256.digest(new byte[0])));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void matchesMessageDigestAtEveryLengthAroundBlockEdges() throws Exception {
    Random rnd = new Random(42);
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (int len = 0; len < 300; len++) {
      byte[] b = new byte[len];
      rnd.nextBytes(b);
      assertArrayEquals(md.digest(b), Sha256.digest(b), "length " + len);
    }
    byte[] big = new byte[100_003];
    rnd.nextBytes(big);
    assertArrayEquals(md.digest(big), Sha256.digest(big));
  }
}
