"""Site search (/tim-kiem/): news, official documents and answers, blind to Vietnamese diacritics."""
