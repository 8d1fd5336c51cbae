/**
 * The bundled demo: converters that turn the public data sources copied into {@code data-sources/}
 * (Ministry of Education universities, ROR, the National Social Science Fund, CSL) and a small
 * illustrative set into interchange JSON Lines under {@code src/main/resources/demo/}. Its public
 * entry is {@link org.triplehelix.registry.demo.DemoConverter}, run by {@code helix demo convert}.
 */
@org.springframework.modulith.NamedInterface("demo")
package org.triplehelix.registry.demo;
