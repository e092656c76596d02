package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

  @TempDir Path data;

  @Test
  void generatesOneRsaKeyPairAndKeepsIt() throws Exception {
    JwtKeys first = JwtKeys.loadOrCreate(data.resolve("jwt"));
    JwtKeys second = JwtKeys.loadOrCreate(data.resolve("jwt"));

    assertThat(second).isEqualTo(first);
    assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(first.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.getPosixFilePermissions(data.resolve("jwt").resolve(JwtKeys.PRIVATE_KEY_FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    KeyFactory rsa = KeyFactory.getInstance("RSA");
    PrivateKey privateKey =
        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(first.privateKeyPem())));
    PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(first.publicKeyPem())));
    byte[] token = "header.payload".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(privateKey);
    signer.update(token);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(token);
    assertThat(verifier.verify(signature)).isTrue();
    assertThat(signature).hasSize(256);
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
