package org.triplehelix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every message key exists in both languages, with a non-blank value. */
class MessageBundlesTests {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        Resource[] chinese = resolver.getResources("classpath*:messages/*_zh.properties");
        assertThat(chinese).isNotEmpty();
        for (Resource zh : chinese) {
            String name = zh.getFilename().replace("_zh.properties", "");
            Resource en = resolver.getResource("classpath:messages/" + name + "_en.properties");
            assertThat(en.exists()).as("English bundle for %s", name).isTrue();
            Properties zhProps = load(zh);
            Properties enProps = load(en);
            assertThat(keys(enProps)).as("keys of %s, English against Chinese", name).isEqualTo(keys(zhProps));
            zhProps.forEach((k, v) -> assertThat(v.toString()).as("%s_zh %s", name, k).isNotBlank());
            enProps.forEach((k, v) -> assertThat(v.toString()).as("%s_en %s", name, k).isNotBlank());
        }
    }

    @Test
    void everyEnglishBundleHasAChineseOne() throws IOException {
        for (Resource en : resolver.getResources("classpath*:messages/*_en.properties")) {
            String name = en.getFilename().replace("_en.properties", "");
            assertThat(resolver.getResource("classpath:messages/" + name + "_zh.properties").exists())
                    .as("Chinese bundle for %s", name).isTrue();
        }
    }

    /** A key given twice in one file is one message lost: Properties keeps the last without a word. */
    @Test
    void noBundleGivesAKeyTwice() throws IOException {
        for (Resource bundle : resolver.getResources("classpath*:messages/*.properties")) {
            Set<String> seen = new TreeSet<>();
            Properties duplicates = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    assertThat(seen.add(key.toString())).as("%s gives %s twice", bundle.getFilename(), key).isTrue();
                    return super.put(key, value);
                }
            };
            try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                duplicates.load(reader);
            }
            assertThat(seen).as("keys of %s", bundle.getFilename()).isNotEmpty();
        }
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
