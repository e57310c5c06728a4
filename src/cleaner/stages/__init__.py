"""The pipeline's stages. Each takes a Document and labels lines, cuts spans or notes metadata."""
