// R2Engine
