package cn.changning.governance.common.personaldata;

import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cipher, the key store in its own database, erasure, pseudonyms and batches, on the shared embedded PostgreSQL.
 */
class PersonalDataKeyStoreTest {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyStoreTest.class);
    private static final String KEYS_DATABASE = "personal_data_probe_keys";

    private static EmbeddedPostgresServer postgres;
    private static KeyStorePersonalData personalData;

    @BeforeAll
    static void start() {
        postgres = SharedInfrastructure.get().postgres();
        postgres.ensureDatabase(KEYS_DATABASE);
        postgres.ensureDatabase("personal_data_probe");
        postgres.ensureDatabase("personal_data_probe_own_keys");
        personalData = instance(PersonalDataAutoConfiguration.developmentKey("master"));
    }

    @AfterAll
    static void stop() {
        personalData.close();
    }

    private static KeyStorePersonalData instance(byte[] masterKey) {
        return new KeyStorePersonalData(new PersonalDataCipher(masterKey),
                new SubjectKeys(postgres.jdbcUrl(KEYS_DATABASE), postgres.username(), postgres.password(), 2),
                PersonalDataAutoConfiguration.developmentKey("pseudonym"), Clock.systemUTC(), Duration.ofMinutes(1), 100_000);
    }

    @Test
    void aValueOpensOnlyForItsSubjectAndField() {
        SealedValue name = personalData.seal("case-reporter:c1", "reporter.name", "张三丰");
        personalData.seal("case-reporter:c2", "reporter.name", "李四");

        assertThat(name.subject()).isEqualTo("case-reporter:c1");
        assertThat(name.ciphertext()).doesNotContain("张三丰");
        assertThat(personalData.open(name, "reporter.name")).contains("张三丰");
        assertThatThrownBy(() -> personalData.open(name, "reporter.contact")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> personalData.open(new SealedValue("case-reporter:c2", name.ciphertext()), "reporter.name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(personalData.seal("case-reporter:c1", "reporter.contact", null)).isNull();
        assertThat(personalData.open(null, "reporter.name")).isEmpty();
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        SealedValue phone = personalData.seal("party-member:m1", "member.phone", "13812345678");
        byte[] bytes = Base64.getDecoder().decode(phone.ciphertext());
        bytes[bytes.length - 20] ^= 1;

        assertThatThrownBy(() -> personalData.open(new SealedValue(phone.subject(), Base64.getEncoder().encodeToString(bytes)),
                "member.phone")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> personalData.open(new SealedValue(phone.subject(), "not base64!"), "member.phone"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSealsOfOneValueDifferAndBothOpen() {
        SealedValue first = personalData.seal("party-member:m2", "member.name", "王五");
        SealedValue second = personalData.seal("party-member:m2", "member.name", "王五");

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(personalData.open(first, "member.name")).contains("王五");
        assertThat(personalData.open(second, "member.name")).contains("王五");
    }

    @Test
    void keysAreWrappedByTheMasterKeyAndOutliveTheInstance() {
        SealedValue sealed = personalData.seal("party-member:m3", "member.address", "上海市长宁区江苏路街道");
        byte[] otherMaster = PersonalDataAutoConfiguration.developmentKey("another master");

        try (KeyStorePersonalData restarted = instance(PersonalDataAutoConfiguration.developmentKey("master"));
             KeyStorePersonalData wrongMaster = instance(otherMaster)) {
            assertThat(restarted.open(sealed, "member.address")).contains("上海市长宁区江苏路街道");
            assertThatThrownBy(() -> wrongMaster.open(sealed, "member.address")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void erasureDestroysTheKeyForGood() {
        SealedValue name = personalData.seal("case-reporter:c3", "reporter.name", "赵六");

        personalData.erase("case-reporter:c3");
        personalData.erase("case-reporter:c3");

        assertThat(personalData.isErased("case-reporter:c3")).isTrue();
        assertThat(personalData.open(name, "reporter.name")).isEmpty();
        assertThatThrownBy(() -> personalData.seal("case-reporter:c3", "reporter.name", "赵六"))
                .isInstanceOf(ErasedSubjectException.class);
        PersonalData.Batch batch = personalData.batch();
        assertThatThrownBy(() -> batch.seal("case-reporter:c3", "reporter.name", "赵六")).isInstanceOf(ErasedSubjectException.class);
        JdbcTemplate keys = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(KEYS_DATABASE), postgres.username(), postgres.password()));
        assertThat(keys.queryForObject("SELECT count(*) FROM subject_key WHERE subject = 'case-reporter:c3' AND wrapped_key IS NULL"
                + " AND erased_at IS NOT NULL", Integer.class)).isEqualTo(1);
        try (KeyStorePersonalData another = instance(PersonalDataAutoConfiguration.developmentKey("master"))) {
            assertThat(another.open(name, "reporter.name")).isEmpty();
        }

        // A subject erased before anything was sealed for it stays erased.
        personalData.erase("case-reporter:never-sealed");
        assertThat(personalData.isErased("case-reporter:never-sealed")).isTrue();
        assertThatThrownBy(() -> personalData.seal("case-reporter:never-sealed", "reporter.name", "x"))
                .isInstanceOf(ErasedSubjectException.class);
        assertThat(personalData.isErased("case-reporter:c1-unknown")).isFalse();
    }

    @Test
    void pseudonymsAreStableKeyedAndSeparatedByPurpose() {
        String pseudonym = personalData.pseudonym("party-member", "310105198001011234");

        assertThat(pseudonym).matches("[0-9a-f]{64}");
        try (KeyStorePersonalData another = instance(PersonalDataAutoConfiguration.developmentKey("master"))) {
            assertThat(another.pseudonym("party-member", "310105198001011234")).isEqualTo(pseudonym);
        }
        assertThat(personalData.pseudonym("police-officer", "310105198001011234")).isNotEqualTo(pseudonym);
        assertThat(personalData.pseudonym("party-member", "310105198001011235")).isNotEqualTo(pseudonym);
        KeyStorePersonalData otherKey = new KeyStorePersonalData(new PersonalDataCipher(PersonalDataAutoConfiguration.developmentKey("master")),
                null, PersonalDataAutoConfiguration.developmentKey("another pseudonym"), Clock.systemUTC(), Duration.ofMinutes(1), 10);
        assertThat(otherKey.pseudonym("party-member", "310105198001011234")).isNotEqualTo(pseudonym);
    }

    @Test
    void aBatchSealsManyValuesAndWritesItsKeysInOneFlush() {
        int subjects = 25_000;
        PersonalData.Batch batch = personalData.batch();
        List<SealedValue> sealed = new ArrayList<>(subjects * 4);
        long start = System.nanoTime();
        for (int i = 0; i < subjects; i++) {
            String subject = "party-member:batch-" + i;
            sealed.add(batch.seal(subject, "member.name", "张三" + i));
            sealed.add(batch.seal(subject, "member.identityNumber", "31010519800101" + String.format("%04d", i % 10_000)));
            sealed.add(batch.seal(subject, "member.phone", "138" + String.format("%08d", i)));
            sealed.add(batch.seal(subject, "member.address", "上海市长宁区江苏路" + i + "号"));
        }
        long sealedAt = System.nanoTime();
        int written = batch.flush();
        long flushedAt = System.nanoTime();
        log.info("Sealed {} values of {} subjects in {} ms; flushed their keys in {} ms", sealed.size(), subjects,
                (sealedAt - start) / 1_000_000, (flushedAt - sealedAt) / 1_000_000);

        assertThat(written).isEqualTo(subjects);
        assertThat(batch.flush()).isZero();
        try (KeyStorePersonalData restarted = instance(PersonalDataAutoConfiguration.developmentKey("master"))) {
            assertThat(restarted.open(sealed.get(0), "member.name")).contains("张三0");
            assertThat(restarted.open(sealed.get(4 * 12_345 + 2), "member.phone")).contains("13800012345");
            assertThat(restarted.open(sealed.get(sealed.size() - 1), "member.address")).contains("上海市长宁区江苏路24999号");
        }
        // Sealed again (an import run twice): the stored keys are used, no key is written.
        PersonalData.Batch again = personalData.batch();
        SealedValue name = again.seal("party-member:batch-7", "member.name", "张三7");
        assertThat(again.flush()).isZero();
        try (KeyStorePersonalData restarted = instance(PersonalDataAutoConfiguration.developmentKey("master"))) {
            assertThat(restarted.open(name, "member.name")).contains("张三7");
        }
    }

    @Test
    void aBatchWhoseSubjectGotAKeyMeanwhileIsRefusedAndTheRetryUsesTheStoredKey() {
        PersonalData.Batch batch = personalData.batch();
        batch.seal("party-member:raced", "member.name", "钱七");
        SealedValue stored;
        try (KeyStorePersonalData other = instance(PersonalDataAutoConfiguration.developmentKey("master"))) {
            stored = other.seal("party-member:raced", "member.name", "钱七");
        }

        assertThatThrownBy(batch::flush).isInstanceOf(IllegalStateException.class).hasMessageContaining("party-member:raced");
        PersonalData.Batch retry = personalData.batch();
        SealedValue resealed = retry.seal("party-member:raced", "member.name", "钱七");
        assertThat(retry.flush()).isZero();
        assertThat(personalData.open(resealed, "member.name")).contains("钱七");
        assertThat(personalData.open(stored, "member.name")).contains("钱七");
    }

    @Test
    void theAutoConfigurationKeepsTheKeysOutOfThePrimaryDatabase() {
        runner().withPropertyValues("governance.personal-data.development-keys=true",
                        "governance.personal-data.key-store.url=" + postgres.jdbcUrl("personal_data_probe_own_keys"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(DataSource.class)).hasSize(1);
                    PersonalData bean = context.getBean(PersonalData.class);
                    SealedValue sealed = bean.seal("case-reporter:auto", "reporter.contact", "13900001111");
                    assertThat(bean.open(sealed, "reporter.contact")).contains("13900001111");
                    JdbcTemplate primary = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(tables(primary)).contains("idempotency_record").doesNotContain("subject_key");
                    JdbcTemplate keys = new JdbcTemplate(new DriverManagerDataSource(
                            postgres.jdbcUrl("personal_data_probe_own_keys"), postgres.username(), postgres.password()));
                    assertThat(tables(keys)).contains("subject_key").doesNotContain("idempotency_record", "domain_event_entry");
                });
    }

    @Test
    void withoutKeysAndWithoutTheDevelopmentFlagTheServiceRefusesToStart() {
        runner().run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("GOVERNANCE_PERSONAL_DATA_MASTER_KEY"));
        runner().withPropertyValues("governance.personal-data.master-key=" + Base64.getEncoder().encodeToString(new byte[16]),
                        "governance.personal-data.pseudonym-key=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("exactly 32 bytes"));
        runner().withPropertyValues("governance.personal-data.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PersonalData.class));
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        PersonalDataAutoConfiguration.class))
                .withPropertyValues("governance.service-name=personal-data-probe",
                        "spring.datasource.url=" + postgres.jdbcUrl("personal_data_probe"),
                        "spring.datasource.username=" + postgres.username(), "spring.datasource.password=" + postgres.password(),
                        "spring.flyway.locations=classpath:db/axon",
                        "governance.personal-data.key-store.username=" + postgres.username(),
                        "governance.personal-data.key-store.password=" + postgres.password());
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
    }
}
