function Get-OrcExecutablePath {
    <#
    .SYNOPSIS
        Returns the full path of the orc-exec binary this module ships for the current OS and architecture.
    .DESCRIPTION
        $env:ORC_EXEC_PATH overrides the lookup (development, tests). Otherwise the binary is
        bin/<rid>/orc-exec[.exe] under the module root. A missing binary throws an ErrorRecord with
        the ID Orc.ExecutableNotFound (ObjectNotFound) that names the path looked at and the fix.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:ORC_EXEC_PATH) {
        $path = $env:ORC_EXEC_PATH
        $fix = 'Point ORC_EXEC_PATH at an existing orc-exec binary, or remove the variable to use the one shipped with the module.'
    }
    else {
        $rid = Get-OrcRuntimeId
        $exe = 'orc-exec'
        if ($rid -like 'win-*') { $exe = 'orc-exec.exe' }
        $path = Join-Path (Join-Path (Join-Path $script:ModuleRoot 'bin') $rid) $exe
        $fix = "Install a build of the module that includes $rid (or run 'build.ps1 Build -Runtime $rid' in a source checkout)."
    }
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        $message = "orc-exec was not found at '$path'. $fix"
        $exception = New-Object -TypeName System.IO.FileNotFoundException -ArgumentList $message, $path
        $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
            $exception, 'Orc.ExecutableNotFound', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $path)
        throw $record
    }
    return $path
}
