/**
 * Interaction data, id maps, datasets and splits (MODELS.md §0, §2.11, §3.12, §4.8, §5.7).
 * Implementations live in the framework; loaders are {@link org.marketlens.api.data.DatasetLoader} services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.api.data;
