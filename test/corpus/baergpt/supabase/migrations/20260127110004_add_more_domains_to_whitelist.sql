INSERT INTO
    public.allowed_email_domains (domain)
VALUES
    ('gdw-berlin.de'),
    ('bruecke-museum.de'),
    ('deutschestheater.de'),
    ('konzerthaus.de'),
    ('gorki.de'),
    ('parkaue.de'),
    ('volksbuehne-berlin.de'),
    ('krematorium-berlin.de'),
    ('lbv.brandenburg.de');
