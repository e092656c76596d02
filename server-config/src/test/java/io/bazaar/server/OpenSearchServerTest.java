package io.bazaar.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenSearchServerTest {

  /**
   * Not a JUnit temporary directory: those are closed to other users, and a root build hands the
   * server to an unprivileged one.
   */
  private final Path data = Path.of("target", "opensearch-test-" + UUID.randomUUID());

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void deleteData() throws Exception {
    ArchiveFiles.deleteRecursively(data);
  }

  @Test
  void runsOneUnprivilegedNodeWithTheModulesTheShopNeedsAndKeepsItsIndexesAcrossARestart()
      throws Exception {
    ShopLayout layout = ShopLayout.locate();
    OpenSearchSettings settings =
        OpenSearchSettings.of(
            layout.openSearchDistribution(),
            layout.openSearchModules(),
            data.resolve("opensearch"),
            data.resolve("opensearch.log"),
            TcpPorts.freePort(),
            TcpPorts.freePort());
    OpenSearchServer server = new OpenSearchServer(settings);
    try {
      server.start();
      assertThat(ProcessHandle.of(server.pid()).flatMap(p -> p.info().command()))
          .as("the process the server object controls is the OpenSearch JVM itself")
          .hasValueSatisfying(command -> assertThat(command).endsWith("/java"));
      assertThat(ProcessHandle.of(server.pid()).flatMap(p -> p.info().user()))
          .hasValueSatisfying(user -> assertThat(user).isNotEqualTo("root"));
      assertThat(request(server, "GET", "/", null)).contains("\"number\" : \"2.19.6\"");

      // Needs the modules the distribution lacks: analysis-common's filters, mapper-extras' type.
      request(
          server,
          "PUT",
          "/products",
          """
          {"settings": {"refresh_interval": "500ms", "analysis": {
             "filter": {"prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}},
             "analyzer": {"prefix": {"tokenizer": "standard",
                                     "filter": ["lowercase", "asciifolding", "prefixes"]}}}},
           "mappings": {"properties": {
             "name": {"type": "text", "analyzer": "prefix", "search_analyzer": "standard"},
             "price": {"type": "scaled_float", "scaling_factor": 100}}}}
          """);
      request(
          server,
          "POST",
          "/products/_doc/1?refresh=true",
          "{\"name\": \"Trail sneakers\", \"price\": 89.90}");
      request(server, "POST", "/products/_doc/2?refresh=true", "{\"name\": \"Rain jacket\"}");
      assertThat(
              request(
                  server,
                  "POST",
                  "/products/_search",
                  "{\"query\": {\"match\": {\"name\": \"sne\"}}}"))
          .contains("Trail sneakers")
          .doesNotContain("Rain jacket");
      assertThat(
              request(
                  server,
                  "POST",
                  "/products/_delete_by_query?refresh=true",
                  "{\"query\": {\"match\": {\"name\": \"sneakers\"}}}"))
          .as("the reindex module is installed")
          .contains("\"deleted\":1");

      server.stop();
      assertThat(TcpPorts.isAcceptingConnections(TcpPorts.LOOPBACK, settings.httpPort())).isFalse();
      server.start();
      assertThat(request(server, "GET", "/products/_count", null)).contains("\"count\":1");
    } finally {
      server.stop();
    }
    assertThat(server.isRunning()).isFalse();
    assertThat(data.resolve("opensearch.pid")).doesNotExist();
    assertThat(Files.readString(data.resolve("opensearch/config/opensearch.yml")))
        .contains("network.host: 127.0.0.1");
  }

  private String request(OpenSearchServer server, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path));
    request.header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isBetween(200, 201);
    return response.body();
  }
}
