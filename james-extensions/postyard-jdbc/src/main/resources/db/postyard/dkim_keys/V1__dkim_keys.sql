CREATE TABLE dkim_keys (
    domain VARCHAR(255) PRIMARY KEY,
    selector VARCHAR(255) NOT NULL,
    private_key_pem VARCHAR(8192) NOT NULL,
    public_key_base64 VARCHAR(4096) NOT NULL,
    created_at BIGINT NOT NULL
);
