// R2Notebook
