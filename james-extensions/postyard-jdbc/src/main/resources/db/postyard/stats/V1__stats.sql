-- Hourly counters; the key serves a domain's reads by range of hours and its clearing.
CREATE TABLE stats_counters (
    domain VARCHAR(255) NOT NULL,
    hour_start BIGINT NOT NULL,
    counter VARCHAR(255) NOT NULL,
    total BIGINT NOT NULL,
    PRIMARY KEY (domain, hour_start, counter)
);
