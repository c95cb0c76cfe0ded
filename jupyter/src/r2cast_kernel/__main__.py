"""``python -m r2cast_kernel -f CONNECTION_FILE``: run the kernel (Jupyter does this)."""

from ipykernel.kernelapp import IPKernelApp

from .kernel import R2castKernel

if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=R2castKernel)
