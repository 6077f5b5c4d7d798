function Get-OrcExecutableInstallPath {
    <#
    .SYNOPSIS
        Returns the stable path Install-OrcExecutable copies orc-exec to, which registered tasks run.
    .DESCRIPTION
        Windows: %ProgramFiles%\Orchestrator\orc-exec.exe (the 64-bit Program Files, also from a
        32-bit PowerShell). Linux/macOS: <store>/bin/orc-exec. One place, so that installing and
        uninstalling agree on it.
    .PARAMETER StoreHome
        The store, for the Linux/macOS path; default Get-OrcStoreHome.
    .EXAMPLE
        Get-OrcExecutableInstallPath
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [string] $StoreHome
    )

    if (Test-OrcWindows) {
        # ProgramW6432 is the 64-bit Program Files even in a 32-bit (x86) PowerShell, where
        # ProgramFiles means 'Program Files (x86)': both shells must install to the same path,
        # or each would re-register the tasks the other registered.
        $programFiles = $env:ProgramW6432
        if (-not $programFiles) { $programFiles = $env:ProgramFiles }
        if (-not $programFiles) { $programFiles = [System.Environment]::GetFolderPath('ProgramFiles') }
        return (Join-Path (Join-Path $programFiles 'Orchestrator') 'orc-exec.exe')
    }
    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    return (Join-Path (Join-Path $StoreHome 'bin') 'orc-exec')
}
