-- Customer context: people who sign in, shoppers and back-office staff alike.
-- The e-mail address is stored lower-cased so that uniqueness ignores case.
CREATE TABLE account (
    id             BIGSERIAL    PRIMARY KEY,
    email          VARCHAR(254) NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name   VARCHAR(120) NOT NULL,
    password_hash  VARCHAR(400) NOT NULL,
    role           VARCHAR(16)  NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN')),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);
