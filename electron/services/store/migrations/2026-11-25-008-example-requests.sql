-- The request a saved example answers (Postman's `originalRequest`: its method, URL with query,
-- headers and body), which a collection mock matches incoming requests against. NULL: the
-- request the example belongs to, as it is (examples saved before this change, "Save as example").
ALTER TABLE examples ADD COLUMN request_json TEXT;
