package io.bazaar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InDoubtBranchesLivenessTest {

  /** As the PostgreSQL JDBC driver names a prepared XA branch. */
  private static String gid(int formatId, String globalId, byte[] branchQualifier) {
    Base64.Encoder base64 = Base64.getEncoder();
    return formatId
        + "_"
        + base64.encodeToString(globalId.getBytes(StandardCharsets.ISO_8859_1))
        + "_"
        + base64.encodeToString(branchQualifier);
  }

  private static byte[] qualifier(String member) {
    // Payara's qualifier: the xa-servername, its instance and server id, then binary bytes.
    byte[] name = (member + ",server,P100,").getBytes(StandardCharsets.ISO_8859_1);
    byte[] qualifier = new byte[name.length + 4];
    System.arraycopy(name, 0, qualifier, 0, name.length);
    qualifier[name.length] = (byte) 0xfe;
    qualifier[name.length + 3] = 7;
    return qualifier;
  }

  @Test
  void knowsTheMembersOwnBranches() {
    String gid = gid(4871251, "\u0001\u00ff global", qualifier("bazaar-2"));
    String tenth = gid(4871251, "another", qualifier("bazaar-10"));
    assertThat(InDoubtBranchesLiveness.isBranchOf(tenth, "bazaar-1")).isFalse();

    assertThat(InDoubtBranchesLiveness.isBranchOf(gid, "bazaar-2")).isTrue();
    assertThat(InDoubtBranchesLiveness.isBranchOf(gid, "bazaar-1")).isFalse();
    assertThat(InDoubtBranchesLiveness.isBranchOf(gid, "bazaar-20")).isFalse();
    assertThat(InDoubtBranchesLiveness.isBranchOf(gid, "bazaar")).isFalse();
  }

  @Test
  void ignoresTransactionsPreparedByHand() {
    assertThat(InDoubtBranchesLiveness.isBranchOf("bazaar-2 by hand", "bazaar-2")).isFalse();
    assertThat(InDoubtBranchesLiveness.isBranchOf("1_a_!!!", "bazaar-2")).isFalse();
  }
}
