package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {

  @TempDir Path data;

  @Test
  void keepsDocumentsAcrossARestart() throws Exception {
    DocumentStore store = new DocumentStore(data.resolve("documents.mv"), TcpPorts.freePort());

    try (DocumentStore running = store.start();
        MongoClient client = MongoClients.create(running.connectionString())) {
      reviews(client).insertOne(new Document("sku", "BZ-TEA-1").append("stars", 5));
    }
    assertThat(store.isRunning()).isFalse();

    try (DocumentStore running = store.start();
        MongoClient client = MongoClients.create(running.connectionString())) {
      Document review = reviews(client).find(new Document("sku", "BZ-TEA-1")).first();
      assertThat(review).isNotNull();
      assertThat(review.getInteger("stars")).isEqualTo(5);
    }
  }

  private static MongoCollection<Document> reviews(MongoClient client) {
    return client.getDatabase("bazaar").getCollection("reviews");
  }
}
