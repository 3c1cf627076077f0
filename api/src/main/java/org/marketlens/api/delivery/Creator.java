package org.marketlens.api.delivery;

/**
 * A project's creator (MODELS.md §1.1; the counts are used by the Kim et al. baseline only, §1.7).
 *
 * @param id              creator id
 * @param projectsCreated projects this creator has created
 * @param projectsBacked  projects this creator has backed
 */
public record Creator(String id, int projectsCreated, int projectsBacked) {
}
