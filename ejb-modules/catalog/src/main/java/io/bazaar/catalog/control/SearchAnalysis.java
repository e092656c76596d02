package io.bazaar.catalog.control;

import io.bazaar.catalog.entity.SearchAnalyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines the analyzers named in {@link SearchAnalyzers} for both search backends, with the same
 * behaviour: lower-case ASCII folding, English plural stemming ("sneakers" and "sneaker" match),
 * synonyms from {@value #SYNONYMS} at query time, and edge n-grams for autocomplete.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

  /** Solr-format synonyms on the class path, one group of equivalent words per line. */
  static final String SYNONYMS = "search/synonyms.txt";

  private static final int LONGEST_PREFIX = 20;

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context
        .analyzer(SearchAnalyzers.TEXT)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(EnglishMinimalStemFilterFactory.class);
    context
        .analyzer(SearchAnalyzers.TEXT_QUERY)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(SynonymGraphFilterFactory.class)
        .param("synonyms", SYNONYMS)
        .param("ignoreCase", "true")
        .param("expand", "true")
        .tokenFilter(EnglishMinimalStemFilterFactory.class);
    context
        .analyzer(SearchAnalyzers.AUTOCOMPLETE)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(EdgeNGramFilterFactory.class)
        .param("minGramSize", "1")
        .param("maxGramSize", String.valueOf(LONGEST_PREFIX));
    context
        .analyzer(SearchAnalyzers.AUTOCOMPLETE_QUERY)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class);
    context
        .normalizer(SearchAnalyzers.SORT)
        .custom()
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class);
  }

  @Override
  public void configure(ElasticsearchAnalysisConfigurationContext context) {
    context
        .analyzer(SearchAnalyzers.TEXT)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", "bazaar_plural_stem");
    context
        .analyzer(SearchAnalyzers.TEXT_QUERY)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", "bazaar_synonyms", "bazaar_plural_stem");
    context
        .analyzer(SearchAnalyzers.AUTOCOMPLETE)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", "bazaar_prefixes");
    context
        .analyzer(SearchAnalyzers.AUTOCOMPLETE_QUERY)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding");
    context.normalizer(SearchAnalyzers.SORT).custom().tokenFilters("lowercase", "asciifolding");
    context.tokenFilter("bazaar_plural_stem").type("stemmer").param("language", "minimal_english");
    context
        .tokenFilter("bazaar_synonyms")
        .type("synonym_graph")
        .param("synonyms", synonymRules().toArray(String[]::new));
    context
        .tokenFilter("bazaar_prefixes")
        .type("edge_ngram")
        .param("min_gram", 1)
        .param("max_gram", LONGEST_PREFIX);
  }

  /** The rules of {@value #SYNONYMS}, without comments and blank lines. */
  static List<String> synonymRules() {
    try (InputStream in = SearchAnalysis.class.getClassLoader().getResourceAsStream(SYNONYMS)) {
      if (in == null) {
        throw new IllegalStateException(SYNONYMS + " is missing from the class path");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
