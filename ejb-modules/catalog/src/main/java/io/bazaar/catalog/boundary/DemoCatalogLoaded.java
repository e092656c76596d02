package io.bazaar.catalog.boundary;

/**
 * Fired (synchronously, on the loading thread) once a generated demo catalog is in the database,
 * before the member reports ready: other contexts add their demo data for it, such as reviews.
 *
 * @param seed the generator's seed, for data that must be the same on every run
 * @param products how many products were generated
 */
public record DemoCatalogLoaded(long seed, int products) {}
