/**
 * Text statistics used by several feature groups: sentence and word splitting, syllable counts and the SMOG grade
 * (MODELS.md §1.4.1 #6, #7, #10–#12).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.framework.delivery.text;
