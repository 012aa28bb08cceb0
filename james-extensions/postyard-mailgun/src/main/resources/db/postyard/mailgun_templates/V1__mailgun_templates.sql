-- A domain's templates; its pages are ranges of the primary key, from a name.
CREATE TABLE mailgun_templates (
    domain VARCHAR(255) NOT NULL,
    template_name VARCHAR(255) NOT NULL,
    description VARCHAR NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (domain, template_name)
);
-- A template's versions in their order (a few dozen at most), deleted with it.
CREATE TABLE mailgun_template_versions (
    domain VARCHAR(255) NOT NULL,
    template_name VARCHAR(255) NOT NULL,
    version_index INTEGER NOT NULL,
    tag VARCHAR(255) NOT NULL,
    source VARCHAR NOT NULL,
    engine VARCHAR NOT NULL,
    version_comment VARCHAR NOT NULL,
    active BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (domain, template_name, version_index),
    FOREIGN KEY (domain, template_name) REFERENCES mailgun_templates (domain, template_name) ON DELETE CASCADE
);
