package io.bazaar.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The RSA key pair the shop signs and verifies its JSON Web Tokens with. Generated once per data
 * directory and kept, so tokens issued before a restart stay valid after it.
 *
 * @param publicKeyPem X.509 SubjectPublicKeyInfo, for {@code mp.jwt.verify.publickey}
 * @param privateKeyPem PKCS#8, for signing
 */
public record JwtKeys(String publicKeyPem, String privateKeyPem) {

  static final String PUBLIC_KEY_FILE = "public-key.pem";
  static final String PRIVATE_KEY_FILE = "private-key.pem";

  /** Reads the key pair from the directory, generating it there first if it is absent. */
  public static JwtKeys loadOrCreate(Path directory) throws IOException {
    Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
    Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
    if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
      Files.createDirectories(directory);
      KeyPair pair = generate();
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }
    return new JwtKeys(Files.readString(publicKey), Files.readString(privateKey));
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK cannot generate RSA keys", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
