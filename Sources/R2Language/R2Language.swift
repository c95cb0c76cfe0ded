// R2Language
