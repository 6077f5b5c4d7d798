function Write-OrcMigrationFile {
    <#
    .SYNOPSIS
        Writes a migration file atomically: a temp file beside the target, then a rename over it.
    .DESCRIPTION
        A crash leaves either the old file or the new one, never half of either; the migration
        state and snapshot are what Undo-OrcMigration restores from, so they must never be torn.
    .PARAMETER Path
        The file to write; its folder is created when missing.
    .PARAMETER Text
        The text, written as UTF-8 without a byte order mark.
    .PARAMETER Bytes
        The bytes, written as they are.
    .OUTPUTS
        None
    #>
    [CmdletBinding()]
    [OutputType([void])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory, ParameterSetName = 'Text')]
        [AllowEmptyString()]
        [string] $Text,

        [Parameter(Mandatory, ParameterSetName = 'Bytes')]
        [AllowEmptyCollection()]
        [byte[]] $Bytes
    )

    $folder = [System.IO.Path]::GetDirectoryName($Path)
    if (-not [System.IO.Directory]::Exists($folder)) { [void][System.IO.Directory]::CreateDirectory($folder) }
    if ($PSCmdlet.ParameterSetName -eq 'Text') {
        $Bytes = (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false).GetBytes($Text)
    }
    $temp = Join-Path $folder ('.' + [System.IO.Path]::GetFileName($Path) + '.' + [guid]::NewGuid().ToString('N') + '.tmp')
    try {
        $stream = New-Object -TypeName System.IO.FileStream -ArgumentList $temp, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write)
        try {
            $stream.Write($Bytes, 0, $Bytes.Length)
            $stream.Flush($true)
        }
        finally {
            $stream.Dispose()
        }
        if ([System.IO.File]::Exists($Path)) {
            [System.IO.File]::Replace($temp, $Path, [NullString]::Value)
        }
        else {
            [System.IO.File]::Move($temp, $Path)
        }
    }
    catch {
        if ([System.IO.File]::Exists($temp)) { [System.IO.File]::Delete($temp) }
        throw (New-OrcErrorRecord -ErrorId 'Orc.MigrationWriteFailed' -Category WriteError -TargetObject $Path -Exception $_.Exception `
                -Message "Could not write '$Path': $($_.Exception.Message)")
    }
}
